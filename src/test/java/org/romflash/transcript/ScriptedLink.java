package org.romflash.transcript;

import java.time.Duration;
import java.util.List;
import org.romflash.link.Link;
import org.romflash.link.LinkTimeoutException;

/**
 * A link that plays the target's side of a transcript: every byte the client writes must be the
 * next host byte of the script, and reads are served from the target lines. A read where the
 * script has silence, or past its end, times out; a read where the script expects the host to
 * speak fails the test.
 */
final class ScriptedLink implements Link {
  private final String name;
  private final List<Transcript.Step> steps;
  private int step;
  private int offset;

  ScriptedLink(String name, List<Transcript.Step> steps) {
    this.name = name;
    this.steps = steps;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void write(byte[] data, int from, int length) {
    for (int i = from; i < from + length; i++) {
      Transcript.Step current = current();
      if (current == null || !current.fromHost()) {
        throw new AssertionError(String.format("%s: the client sent %02X where the transcript %s",
            name, data[i] & 0xFF, current == null ? "has ended"
                : "expects the target to speak (line " + current.line() + ")"));
      }
      int expected = current.bytes()[offset] & 0xFF;
      if ((data[i] & 0xFF) != expected) {
        throw new AssertionError(String.format("%s line %d: the client sent %02X, the transcript"
            + " says %02X (byte %d of the line)", name, current.line(), data[i] & 0xFF, expected,
            offset + 1));
      }
      advance();
    }
  }

  @Override
  public void read(byte[] buffer, int from, int length, Duration timeout) {
    for (int i = 0; i < length; i++) {
      Transcript.Step current = current();
      if (current == null) {
        throw new LinkTimeoutException(name, length, i, timeout);
      }
      if (current.silence() && !current.fromHost()) {
        step++;
        throw new LinkTimeoutException(name, length, i, timeout);
      }
      if (current.fromHost()) {
        throw new AssertionError(name + " line " + current.line() + ": the client waits for the"
            + " target, but the transcript expects the host to send next");
      }
      buffer[from + i] = current.bytes()[offset];
      advance();
    }
  }

  /** Whether every line of the script was played. */
  boolean finished() {
    return current() == null;
  }

  String position() {
    Transcript.Step current = current();
    return current == null ? "end" : "line " + current.line();
  }

  private Transcript.Step current() {
    while (step < steps.size() && !steps.get(step).silence() && steps.get(step).bytes().length == 0) {
      step++;
    }
    return step < steps.size() ? steps.get(step) : null;
  }

  private void advance() {
    offset++;
    if (offset == steps.get(step).bytes().length) {
      step++;
      offset = 0;
    }
  }

  @Override
  public void drain() {}

  @Override
  public void setDtr(boolean asserted) {}

  @Override
  public void setRts(boolean asserted) {}

  @Override
  public void sendBreak(Duration length) {}

  @Override
  public void close() {}
}
