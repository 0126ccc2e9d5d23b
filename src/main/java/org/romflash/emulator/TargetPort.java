package org.romflash.emulator;

import java.time.Duration;
import java.util.Random;
import org.romflash.link.Link;
import org.romflash.link.LinkTimeoutException;
import org.romflash.protocol.Bytes;

/**
 * The chip's USART as the bootloader sees it: bytes in, one at a time, and replies out, with the
 * timing model's costs charged and the fault plan's faults applied.
 *
 * <p>Like the real USART it has a single receive register: while the bootloader is busy
 * programming or erasing it reads nothing, so of the bytes that arrive meanwhile only the first is
 * kept and the rest are lost (overrun). A host that sends ahead of the ACK loses data here as it
 * would on silicon.
 */
final class TargetPort {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Link link;
  private final TimingModel timing;
  private final FaultPlan faults;
  private final Random random;
  private final Pacer pacer = new Pacer();
  private final ReplyCourier courier;
  private final byte[] one = new byte[1];
  private long received;
  private boolean overrunPossible;
  private int held = -1;
  private volatile boolean stopped;
  private volatile boolean idle;

  TargetPort(Link link, TimingModel timing, FaultPlan faults) {
    this.link = link;
    this.timing = timing;
    this.faults = faults;
    this.random = faults.random();
    this.courier = new ReplyCourier(link, !timing.latency().isZero());
  }

  /** The next byte from the host (after faults); blocks until one arrives or the port stops. */
  int next() throws StoppedException {
    while (true) {
      int value = receive();
      pacer.charge(timing.wireTime(1));
      if (faultsDue() && random.nextDouble() < faults.dropRate()) {
        continue;
      }
      if (faultsDue() && random.nextDouble() < faults.corruptRate()) {
        value ^= 1 << random.nextInt(8);
      }
      return value;
    }
  }

  private int receive() throws StoppedException {
    if (held >= 0) {
      int value = held;
      held = -1;
      received++;
      return value;
    }
    boolean waiting = link.available() == 0;
    while (!stopped) {
      try {
        idle = true;
        link.read(one, 0, 1, POLL);
        idle = false;
        received++;
        if (waiting) {
          pacer.arrived();
        }
        return one[0] & 0xFF;
      } catch (LinkTimeoutException e) {
        // Nothing yet; look at the stop flag and wait again.
      } catch (RuntimeException e) {
        throw new StoppedException();
      }
    }
    throw new StoppedException();
  }

  /** Reads {@code count} bytes. */
  byte[] next(int count) throws StoppedException {
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      bytes[i] = (byte) next();
    }
    return bytes;
  }

  /** Sends ACK, or NACK when the fault plan says so; returns whether ACK went out. */
  boolean ack() {
    if (faultsDue() && random.nextDouble() < faults.nackRate()) {
      send((byte) Bytes.NACK);
      return false;
    }
    send((byte) Bytes.ACK);
    return true;
  }

  void nack() {
    send((byte) Bytes.NACK);
  }

  /**
   * Sends a reply: the chip spends its wire time, and the host sees it a turnaround latency later
   * (the chip meanwhile goes on reading what the host already sent).
   */
  void send(byte... reply) {
    pacer.charge(timing.wireTime(reply.length));
    pacer.settle();
    if (overrunPossible) {
      keepOnlyTheFirstByteReceivedWhileBusy();
    }
    courier.deliver(reply, pacer.now() + timing.latency().toNanos());
    if (courier.failed()) {
      stopped = true;
    }
  }

  /** Spends {@code work} (programming, erasing) before the next reply; input may overrun. */
  void busy(Duration work) {
    pacer.charge(work);
    overrunPossible = !work.isZero();
  }

  /** The receive register kept the first byte that came while busy; the others were lost. */
  private void keepOnlyTheFirstByteReceivedWhileBusy() {
    overrunPossible = false;
    try {
      if (link.available() > 0) {
        link.read(one, 0, 1, POLL);
        held = one[0] & 0xFF;
        link.drain();
      }
    } catch (RuntimeException e) {
      stopped = true;
    }
  }

  /** Drops input that arrived while the chip was resetting. */
  void reset() {
    pacer.charge(timing.resetTime());
    pacer.settle();
    held = -1;
    overrunPossible = false;
    link.drain();
  }

  /** Whether the bootloader is waiting for a byte (used by tests to avoid racing a reset). */
  boolean idle() {
    return idle && courier.empty();
  }

  void stop() {
    stopped = true;
    courier.stop();
  }

  boolean stopped() {
    return stopped;
  }

  private boolean faultsDue() {
    return faults.active() && received > faults.firstFaultAfter();
  }

  /** Thrown when the link is closed or the emulator is stopped. */
  static final class StoppedException extends Exception {
    private static final long serialVersionUID = 1L;
  }
}
