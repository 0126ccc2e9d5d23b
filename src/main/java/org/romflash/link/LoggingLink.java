package org.romflash.link;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * A link that writes every byte it carries, and every line change, to a transcript: one line per
 * transfer, stamped to the microsecond, so a failed session can be read byte by byte afterwards.
 *
 * <pre>
 * 2026-11-21T14:03:07.123456Z > 7F
 * 2026-11-21T14:03:07.124012Z < 79
 * 2026-11-21T14:03:07.130000Z < timeout after 200 ms: 0 of 1 bytes
 * 2026-11-21T14:03:07.131000Z # DTR asserted
 * </pre>
 */
public final class LoggingLink implements Link {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  private final Link inner;
  private final PrintWriter log;
  private final Clock clock;

  public LoggingLink(Link inner, PrintWriter log, Clock clock) {
    this.inner = inner;
    this.log = log;
    this.clock = clock;
    line("# opened " + inner.name());
  }

  /** The link being logged. */
  public Link inner() {
    return inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void write(byte[] data, int offset, int length) {
    line("> " + HEX.formatHex(data, offset, offset + length));
    inner.write(data, offset, length);
  }

  @Override
  public void read(byte[] buffer, int offset, int length, Duration timeout) {
    try {
      inner.read(buffer, offset, length, timeout);
      line("< " + HEX.formatHex(buffer, offset, offset + length));
    } catch (LinkTimeoutException e) {
      String partial = e.received() == 0 ? ""
          : ": " + HEX.formatHex(buffer, offset, offset + e.received());
      line("< timeout after " + timeout.toMillis() + " ms: " + e.received() + " of " + length
          + " bytes" + partial);
      throw e;
    }
  }

  @Override
  public int available() {
    return inner.available();
  }

  @Override
  public void drain() {
    inner.drain();
    line("# input drained");
  }

  @Override
  public void setDtr(boolean asserted) {
    line("# DTR " + (asserted ? "asserted" : "released"));
    inner.setDtr(asserted);
  }

  @Override
  public void setRts(boolean asserted) {
    line("# RTS " + (asserted ? "asserted" : "released"));
    inner.setRts(asserted);
  }

  @Override
  public void sendBreak(Duration length) {
    line("# BREAK for " + length.toMillis() + " ms");
    inner.sendBreak(length);
  }

  @Override
  public void close() {
    line("# closed");
    log.flush();
    inner.close();
  }

  private void line(String text) {
    Instant now = clock.instant();
    log.println(STAMP.format(now) + " " + text);
    log.flush();
  }
}
