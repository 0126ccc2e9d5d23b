package org.romflash.link;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;

/**
 * A fake line whose other end is a function: every write is handed to it, and what it returns is
 * what the host reads next. An echo is {@code bytes -> bytes}; silence is {@code bytes -> new
 * byte[0]}. Reads that cannot be filled time out at once instead of waiting, so tests stay fast.
 */
public final class ResponderLink implements Link {
  private final String name;
  private final UnaryOperator<byte[]> responder;
  private final Deque<Byte> pending = new ArrayDeque<>();
  private int writes;

  public ResponderLink(String name, UnaryOperator<byte[]> responder) {
    this.name = name;
    this.responder = responder;
  }

  /** How many writes the host made. */
  public int writes() {
    return writes;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void write(byte[] data, int offset, int length) {
    writes++;
    byte[] sent = java.util.Arrays.copyOfRange(data, offset, offset + length);
    for (byte b : responder.apply(sent)) {
      pending.add(b);
    }
  }

  @Override
  public void read(byte[] buffer, int offset, int length, Duration timeout) {
    if (pending.size() < length) {
      int received = pending.size();
      for (int i = 0; i < received; i++) {
        buffer[offset + i] = pending.remove();
      }
      throw new LinkTimeoutException(name, length, received, timeout);
    }
    for (int i = 0; i < length; i++) {
      buffer[offset + i] = pending.remove();
    }
  }

  @Override
  public void drain() {
    pending.clear();
  }

  @Override
  public void setDtr(boolean asserted) {}

  @Override
  public void setRts(boolean asserted) {}

  @Override
  public void sendBreak(Duration length) {}

  @Override
  public void close() {}
}
