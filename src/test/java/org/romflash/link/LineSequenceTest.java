package org.romflash.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running a sequence: the link sees each line change, and the pauses fall between them. */
class LineSequenceTest {
  private final List<String> events = new ArrayList<>();
  private final LineSequence.Sleeper sleeper = length -> events.add("sleep " + length.toMillis());

  @Test
  void stepsReachTheLinkInOrderWithThePausesBetween() {
    LinkPair pair = LinkPair.create("test");
    pair.host().onLineEvent(events::add);
    LineSequenceParser.parse("-rts&dtr,-dtr,brk").run(pair.host(), sleeper);
    assertEquals(List.of("-rts", "dtr", "sleep 100", "-dtr", "sleep 100", "brk"), events);
    assertEquals(List.of("-rts", "dtr", "-dtr", "brk"), pair.host().lineEvents());
  }

  @Test
  void rtsAssertsAndMinusReleasesThroughTheLinkInterface() {
    LineSequenceParser.parse("rts&-rts&dtr&-dtr&brk,").run(new RecordingLink(), sleeper);
    assertEquals(List.of("setRts(true)", "setRts(false)", "setDtr(true)", "setDtr(false)",
        "sendBreak(250 ms)", "sleep 100"), events);
  }

  @Test
  void theEmptySequenceTouchesNothing() {
    LineSequence.NONE.run(new RecordingLink(), sleeper);
    assertEquals(List.of(), events);
  }

  @Test
  void theRealSleeperWaitsThePause() {
    long start = System.nanoTime();
    LineSequenceParser.parse("rts,").run(new RecordingLink());
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(List.of("setRts(true)"), events);
    assertEquals(true, elapsedMillis >= 100, elapsedMillis + " ms");
  }

  /** Records the control-line calls into {@link #events}; carries no data. */
  private final class RecordingLink implements Link {
    @Override
    public String name() {
      return "recording";
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      throw new UnsupportedOperationException("a line sequence sends no data");
    }

    @Override
    public void read(byte[] buffer, int offset, int length, Duration timeout) {
      throw new UnsupportedOperationException("a line sequence reads no data");
    }

    @Override
    public void drain() {}

    @Override
    public void setDtr(boolean asserted) {
      events.add("setDtr(" + asserted + ")");
    }

    @Override
    public void setRts(boolean asserted) {
      events.add("setRts(" + asserted + ")");
    }

    @Override
    public void sendBreak(Duration length) {
      events.add("sendBreak(" + length.toMillis() + " ms)");
    }

    @Override
    public void close() {}
  }
}
