package org.romflash.swd.gdb;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.romflash.link.Link;
import org.romflash.link.LinkTimeoutException;

/**
 * Splits the bytes of a {@link Link} into {@link Incoming} items: {@code $...#cc} packets (checked
 * against their checksum), '+', '-' and 0x03. Bytes outside a packet that mean nothing (line noise,
 * or a non-stop notification {@code %...#cc}) are skipped. Reads in blocks of what the link already
 * has, so a 4 KiB packet is not 4096 separate reads.
 */
final class PacketReader {
  /** The largest packet accepted; a peer that sends more is broken, not slow. */
  static final int MAX_PACKET = 1 << 20;

  private final Link link;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;

  PacketReader(Link link) {
    this.link = link;
  }

  /**
   * The next item, complete before {@code timeout} has passed.
   *
   * @throws LinkTimeoutException when it has not fully arrived in time
   */
  Incoming next(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      int b = nextByte(deadline, timeout);
      switch (b) {
        case Packets.ACK:
          return new Incoming.Ack();
        case Packets.NAK:
          return new Incoming.Nak();
        case Packets.INTERRUPT:
          return new Incoming.Interrupt();
        case Packets.START:
          return body(deadline, timeout);
        case Packets.NOTIFICATION:
          body(deadline, timeout);
          break;
        default:
          break;
      }
    }
  }

  private Incoming body(long deadline, Duration timeout) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int b;
    while ((b = nextByte(deadline, timeout)) != Packets.END) {
      if (data.size() == MAX_PACKET) {
        throw new IllegalStateException(link.name() + ": packet longer than " + MAX_PACKET
            + " bytes");
      }
      data.write(b);
    }
    char high = (char) nextByte(deadline, timeout);
    char low = (char) nextByte(deadline, timeout);
    int sent = Character.digit(high, 16) << 4 | Character.digit(low, 16);
    byte[] bytes = data.toByteArray();
    int computed = Packets.checksum(bytes);
    if (Character.digit(high, 16) < 0 || Character.digit(low, 16) < 0 || sent != computed) {
      return new Incoming.Corrupt(bytes, sent, computed);
    }
    return new Incoming.Packet(bytes);
  }

  private int nextByte(long deadline, Duration timeout) {
    if (position == limit) {
      fill(deadline, timeout);
    }
    return buffer[position++] & 0xFF;
  }

  private void fill(long deadline, Duration timeout) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new LinkTimeoutException(link.name(), 1, 0, timeout);
    }
    int ready = link.available();
    int want = ready > 0 ? Math.min(ready, buffer.length) : 1;
    link.read(buffer, 0, want, Duration.ofNanos(left));
    position = 0;
    limit = want;
  }
}
