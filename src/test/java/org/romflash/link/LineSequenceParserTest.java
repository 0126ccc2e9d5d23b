package org.romflash.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** stm32flash's {@code -i} grammar: what each string does, and the message for each mistake. */
class LineSequenceParserTest {

  private static List<String> steps(String text) {
    return LineSequenceParser.parse(text).steps().stream().map(Object::toString).toList();
  }

  @Test
  void commaPausesAndAmpersandDoesNot() {
    assertEquals(List.of("-rts", "dtr", "wait 100 ms", "-dtr", "wait 100 ms"),
        steps("-rts&dtr,-dtr,"));
  }

  @Test
  void everySignalAndItsReleasedForm() {
    assertEquals(List.of("rts", "-rts", "dtr", "-dtr", "brk"), steps("rts&-rts&dtr&-dtr&brk"));
  }

  @Test
  void signalNamesAreCaseInsensitive() {
    assertEquals(List.of("rts", "wait 100 ms", "-dtr"), steps("RTS,-Dtr"));
  }

  @Test
  void aTrailingAmpersandAddsNothingAndTheEmptyStringIsNoSequence() {
    assertEquals(List.of("brk"), steps("brk&"));
    assertEquals(LineSequence.NONE, LineSequenceParser.parse(""));
  }

  @Test
  void entryAndExitAreSplitAtTheColon() {
    EntryExit both = LineSequenceParser.parseEntryExit("-rts&dtr,-dtr,:rts&dtr,-dtr");
    assertEquals("-rts&dtr,-dtr,", both.entry().text());
    assertEquals("rts&dtr,-dtr", both.exit().text());
  }

  @Test
  void withoutAColonEverythingIsEntry() {
    EntryExit entryOnly = LineSequenceParser.parseEntryExit("dtr,-dtr");
    assertEquals(new EntryExit(LineSequenceParser.parse("dtr,-dtr"), LineSequence.NONE),
        entryOnly);
    assertEquals(entryOnly, LineSequenceParser.parseEntryExit("dtr,-dtr:"));
  }

  @Test
  void anExitOnlySequenceIsKeptWhereStm32flashDropsIt() {
    EntryExit exitOnly = LineSequenceParser.parseEntryExit(":rts,-dtr");
    assertEquals(LineSequence.NONE, exitOnly.entry());
    assertEquals(List.of("rts", "wait 100 ms", "-dtr"),
        exitOnly.exit().steps().stream().map(Object::toString).toList());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "rts,dtrx | 5 | unknown signal 'dtrx' at character 5; signals are rts, dtr, brk, optionally"
          + " with '-'",
      "rts,,dtr | 5 | missing signal at character 5; signals are rts, dtr, brk, optionally with '-'",
      ",rts     | 1 | missing signal at character 1; signals are rts, dtr, brk, optionally with '-'",
      "&        | 1 | missing signal at character 1; signals are rts, dtr, brk, optionally with '-'",
      "rts&-    | 5 | unknown signal '-' at character 5; signals are rts, dtr, brk, optionally with"
          + " '-'",
      "--rts    | 1 | unknown signal '--rts' at character 1; signals are rts, dtr, brk, optionally"
          + " with '-'",
      "rtsdtr   | 1 | unknown signal 'rtsdtr' at character 1; signals are rts, dtr, brk, optionally"
          + " with '-'",
      "\" rts\" | 1 | unknown signal ' rts' at character 1; signals are rts, dtr, brk, optionally"
          + " with '-'",
      "dtr,-17  | 5 | GPIO number '-17' at character 5 is not supported: romflash drives only the"
          + " serial port's lines; signals are rts, dtr, brk, optionally with '-'",
      "rts&-brk | 5 | '-brk' at character 5: a BREAK is a pulse with no level to release; write brk",
      "rts:dtr  | 4 | unexpected ':' at character 4; only the ENTRY:EXIT form has one, and this is"
          + " a single sequence",
  })
  void malformedSequencesNameTheProblemAndWhereItIs(String text, int position, String message) {
    LineSequenceException e =
        assertThrows(LineSequenceException.class, () -> LineSequenceParser.parse(text));
    assertEquals(message, e.getMessage());
    assertEquals(position, e.position());
  }

  @Test
  void positionsInTheExitPartCountFromTheStartOfTheWholeString() {
    LineSequenceException e = assertThrows(LineSequenceException.class,
        () -> LineSequenceParser.parseEntryExit("rts,-dtr:rts,bogus"));
    assertEquals("unknown signal 'bogus' at character 14; signals are rts, dtr, brk, optionally"
        + " with '-'", e.getMessage());
  }

  @Test
  void aSecondColonIsRefused() {
    LineSequenceException e = assertThrows(LineSequenceException.class,
        () -> LineSequenceParser.parseEntryExit("rts:dtr:brk"));
    assertEquals("a second ':' at character 8; the form is ENTRY:EXIT", e.getMessage());
  }

  @Property
  void theTextOfAParsedSequenceParsesBackToIt(@ForAll("sequences") String text) {
    LineSequence parsed = LineSequenceParser.parse(text);
    assertEquals(parsed, LineSequenceParser.parse(parsed.text()));
  }

  @Provide
  Arbitrary<String> sequences() {
    Arbitrary<String> signal = Arbitraries.of("rts", "-rts", "dtr", "-dtr", "brk", "RTS", "-Dtr");
    Arbitrary<String> separator = Arbitraries.of(",", "&");
    Arbitrary<String> signals = Combinators.combine(signal, separator).as((s, sep) -> s + sep)
        .list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
    // Each part ends in a separator; drop the last one, or keep it as a trailing separator.
    return Combinators.combine(signals, Arbitraries.of(true, false)).as((joined, trailing) ->
        trailing ? joined : joined.substring(0, joined.length() - 1));
  }
}
