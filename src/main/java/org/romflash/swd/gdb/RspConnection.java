package org.romflash.swd.gdb;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.romflash.link.Link;
import org.romflash.link.LinkTimeoutException;

/**
 * One end of a remote-protocol conversation, client or server: sends packets and receives them,
 * keeping the acknowledgment rules (GDB manual, "Remote Protocol", Overview and "Packet
 * Acknowledgment"). With acknowledgments on, every packet received with a good checksum is
 * answered '+', a corrupt one '-', and every packet sent waits for '+' and is sent again on '-'.
 * After QStartNoAckMode both ends stop doing this; a corrupt packet then cannot be repaired and is
 * an error.
 */
final class RspConnection {
  /** How often a packet is sent again after '-' before giving up. */
  static final int MAX_RESENDS = 3;

  private final Link link;
  private final PacketReader reader;
  private final Deque<Incoming> early = new ArrayDeque<>();
  private boolean acks = true;

  RspConnection(Link link) {
    this.link = link;
    this.reader = new PacketReader(link);
  }

  Link link() {
    return link;
  }

  boolean acks() {
    return acks;
  }

  /** Stops sending and expecting '+'/'-' (after QStartNoAckMode was agreed). */
  void stopAcks() {
    acks = false;
  }

  /**
   * Sends a packet; with acknowledgments on, waits up to {@code ackTimeout} for '+' and sends it
   * again on '-'. A packet or interrupt that arrives instead of the '+' is kept for {@link
   * #receive} (the '+' was lost, the reply was not).
   *
   * @throws RspException when the peer keeps asking for it again, or never acknowledges it
   */
  void send(byte[] data, Duration ackTimeout) {
    byte[] framed = Packets.frame(data);
    for (int attempt = 0; attempt <= MAX_RESENDS; attempt++) {
      link.write(framed);
      if (!acks) {
        return;
      }
      Incoming answer = awaitAck(data, ackTimeout);
      if (answer instanceof Incoming.Ack || answer instanceof Incoming.Packet) {
        return;
      }
    }
    throw new RspException(Packets.text(data), "-",
        "the peer asked " + (MAX_RESENDS + 1) + " times for '" + Packets.describe(data)
            + "' again (line noise?)");
  }

  void send(String packet, Duration ackTimeout) {
    send(Packets.bytes(packet), ackTimeout);
  }

  /** Sends the interrupt byte 0x03, which is never framed or acknowledged. */
  void sendInterrupt() {
    link.write(Packets.INTERRUPT);
  }

  /**
   * The next packet or interrupt from the peer, acknowledging packets as the mode requires;
   * corrupt packets are NAKed and awaited again. Stray '+'/'-' are skipped.
   *
   * @throws LinkTimeoutException when nothing arrives in time
   * @throws RspException for a corrupt packet with acknowledgments off
   */
  Incoming receive(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Incoming item = early.isEmpty() ? reader.next(left(deadline, timeout)) : early.poll();
      if (item instanceof Incoming.Packet || item instanceof Incoming.Interrupt) {
        if (item instanceof Incoming.Packet && acks) {
          link.write(Packets.ACK);
        }
        return item;
      }
      if (item instanceof Incoming.Corrupt corrupt) {
        if (!acks) {
          throw new RspException("", Packets.text(corrupt.data()), String.format(
              "corrupt packet '%s' (checksum %02x, computed %02x) and no-ack mode cannot ask"
                  + " for it again", Packets.describe(corrupt.data()), corrupt.sent(),
              corrupt.computed()));
        }
        link.write(Packets.NAK);
      }
    }
  }

  /** The next packet's data, skipping interrupts (a client never receives those). */
  byte[] receivePacket(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (receive(left(deadline, timeout)) instanceof Incoming.Packet packet) {
        return packet.data();
      }
    }
  }

  private Incoming awaitAck(byte[] data, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Incoming item;
      try {
        item = reader.next(left(deadline, timeout));
      } catch (LinkTimeoutException e) {
        throw new RspException(Packets.text(data), "", "no acknowledgment of '"
            + Packets.describe(data) + "' within " + timeout.toMillis() + " ms", e);
      }
      if (item instanceof Incoming.Ack || item instanceof Incoming.Nak) {
        return item;
      }
      early.add(item);
      if (item instanceof Incoming.Packet) {
        return item;
      }
    }
  }

  private Duration left(long deadline, Duration timeout) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new LinkTimeoutException(link.name(), 1, 0, timeout);
    }
    return Duration.ofNanos(left);
  }
}
