package org.romflash.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads control-line sequences in stm32flash's {@code -i} grammar (its {@code GPIO_string}):
 *
 * <pre>
 *   entry-exit := [sequence] [':' [sequence]]
 *   sequence   := signal (separator signal)* [separator]
 *   signal     := ['-'] ('rts' | 'dtr' | 'brk')        no '-': assert; '-': release
 *   separator  := ',' (then pause 100 ms) | '&amp;' (no pause)
 * </pre>
 *
 * <p>Signal names are accepted in any case. A trailing {@code ','} pauses after the last signal (so
 * an entry sequence can give the chip time to start its bootloader). Two things stm32flash accepts
 * are refused: host GPIO numbers (it can drive Linux sysfs GPIOs; romflash drives only the serial
 * port) and {@code -brk} (a BREAK has no level to release; stm32flash silently does nothing).
 * Unlike stm32flash, an exit sequence with an empty entry ({@code ":rts,-dtr"}) is kept and run.
 *
 * <p>Errors give the offending text and its 1-based position in the string that was parsed.
 */
public final class LineSequenceParser {
  private static final String SIGNALS = "signals are rts, dtr, brk, optionally with '-'";

  private LineSequenceParser() {}

  /**
   * One sequence, such as {@code "-rts&dtr,-dtr,"}. The empty string is the empty sequence.
   *
   * @throws LineSequenceException naming the first problem and where it is
   */
  public static LineSequence parse(String text) {
    int colon = text.indexOf(':');
    if (colon >= 0) {
      throw new LineSequenceException("unexpected ':' at character " + (colon + 1)
          + "; only the ENTRY:EXIT form has one, and this is a single sequence", colon + 1);
    }
    return parse(text, 0, text.length());
  }

  /**
   * An {@code ENTRY:EXIT} pair as stm32flash's {@code -i} takes it. Without a ':' the whole text
   * is the entry sequence; either side may be empty.
   *
   * @throws LineSequenceException naming the first problem and where it is
   */
  public static EntryExit parseEntryExit(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new EntryExit(parse(text, 0, text.length()), LineSequence.NONE);
    }
    int second = text.indexOf(':', colon + 1);
    if (second >= 0) {
      throw new LineSequenceException("a second ':' at character " + (second + 1)
          + "; the form is ENTRY:EXIT", second + 1);
    }
    return new EntryExit(parse(text, 0, colon), parse(text, colon + 1, text.length()));
  }

  private static LineSequence parse(String text, int start, int end) {
    List<LineSequence.Step> steps = new ArrayList<>();
    int i = start;
    while (i < end) {
      int tokenEnd = i;
      while (tokenEnd < end && text.charAt(tokenEnd) != ',' && text.charAt(tokenEnd) != '&') {
        tokenEnd++;
      }
      steps.add(signal(text.substring(i, tokenEnd), i + 1));
      if (tokenEnd < end && text.charAt(tokenEnd) == ',') {
        steps.add(new LineSequence.Step.Pause());
      }
      i = tokenEnd + 1;
    }
    return new LineSequence(steps);
  }

  private static LineSequence.Step signal(String token, int position) {
    if (token.isEmpty()) {
      throw new LineSequenceException("missing signal at character " + position + "; " + SIGNALS,
          position);
    }
    String lower = token.toLowerCase(Locale.ROOT);
    boolean asserted = !lower.startsWith("-");
    String name = asserted ? lower : lower.substring(1);
    switch (name) {
      case "rts":
        return new LineSequence.Step.Drive(LineSequence.Line.RTS, asserted);
      case "dtr":
        return new LineSequence.Step.Drive(LineSequence.Line.DTR, asserted);
      case "brk":
        if (!asserted) {
          throw new LineSequenceException("'" + token + "' at character " + position
              + ": a BREAK is a pulse with no level to release; write brk", position);
        }
        return new LineSequence.Step.Break();
      default:
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
          throw new LineSequenceException("GPIO number '" + token + "' at character " + position
              + " is not supported: romflash drives only the serial port's lines; " + SIGNALS,
              position);
        }
        throw new LineSequenceException("unknown signal '" + token + "' at character " + position
            + "; " + SIGNALS, position);
    }
  }
}
