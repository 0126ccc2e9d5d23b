package org.romflash.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.romflash.link.Link;
import org.romflash.link.LinkTimeoutException;

/**
 * Getting and keeping the bootloader's attention: the autobaud 0x7F (AN3155 section 1), recovery
 * of a bootloader left in the middle of a frame, and re-synchronisation after the chip resets
 * itself.
 */
final class Synchroniser {
  private final Link link;
  private final Timeouts timeouts;

  Synchroniser(Link link, Timeouts timeouts) {
    this.link = link;
    this.timeouts = timeouts;
  }

  /**
   * Sends 0x7F until the bootloader answers (AN3155 section 1). ACK means it measured the baud rate;
   * NACK means it was already synchronised and took the byte as half a command. One stray 0x00
   * before the answer (line noise while BOOT0 settles) is tolerated.
   *
   * @return true when the chip answered ACK (fresh autobaud), false for NACK (already synchronised)
   */
  boolean synchronise() {
    link.drain();
    for (int attempt = 1; attempt <= timeouts.syncAttempts(); attempt++) {
      link.write((byte) Bytes.SYNC);
      try {
        int answer = link.readByte(timeouts.sync());
        if (answer == 0x00) {
          answer = link.readByte(timeouts.sync());
        }
        if (answer == Bytes.ACK) {
          return true;
        }
        if (answer == Bytes.NACK) {
          return false;
        }
        throw new UnexpectedReplyException(Command.SYNC, Stage.SYNC, null, answer);
      } catch (LinkTimeoutException e) {
        if (attempt == timeouts.syncAttempts()) {
          throw new NoReplyException(
              Command.SYNC, Stage.SYNC, null, timeouts.sync().multipliedBy(attempt), 0, 1, e);
        }
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /**
   * Sends 0x7F and reports what came back within {@code window}, without retrying or throwing. When
   * nothing comes back a second 0x7F is sent: a bootloader already synchronised takes the first as
   * half a command and NACKs the pair (stm32flash's init sequence relies on the same). Everything
   * arriving within {@link #PROBE_GAP} of the previous byte is collected, up to {@link
   * #PROBE_MAX_BYTES}, so an echo followed by an answer is seen whole.
   */
  SyncAnswer probe(Duration window) {
    link.drain();
    for (int attempt = 1; attempt <= 2; attempt++) {
      link.write((byte) Bytes.SYNC);
      List<Integer> received = new ArrayList<>();
      try {
        received.add(link.readByte(window));
        while (received.size() < PROBE_MAX_BYTES) {
          received.add(link.readByte(PROBE_GAP));
        }
      } catch (LinkTimeoutException e) {
        // The answer, if any, is complete.
      }
      if (!received.isEmpty()) {
        return SyncAnswer.classify(received, attempt);
      }
    }
    return new SyncAnswer.Silence(window);
  }

  /** Silence after a byte that ends a probe's answer: above the 16 ms some USB adapters hold bytes. */
  static final Duration PROBE_GAP = Duration.ofMillis(40);

  /** A probe's answer is one byte; more than this is noise and need not be read to the end. */
  static final int PROBE_MAX_BYTES = 16;

  /**
   * Brings a bootloader that may be in the middle of a frame (after a lost or corrupted byte) back
   * to waiting for a command: single 0x7F probes until it answers, then, if the probes get nothing,
   * one burst of {@link #RECOVERY_FILLER} long enough to complete any frame.
   */
  void recover() {
    Duration probe = timeouts.sync();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 3; i++) {
        link.drain();
        link.write((byte) Bytes.SYNC);
        try {
          link.readByte(probe);
          link.drain();
          return;
        } catch (LinkTimeoutException e) {
          // Nothing yet: the byte went into a frame or became half a command; probe again.
        }
      }
      byte[] burst = new byte[RECOVERY_BURST];
      java.util.Arrays.fill(burst, (byte) RECOVERY_FILLER);
      link.write(burst);
      sleep(timeouts.byteTime().multipliedBy(burst.length).plus(probe));
      link.drain();
    }
    throw new NoReplyException(Command.SYNC, Stage.RESYNC, null, probe, 0, 1, null);
  }

  /**
   * Waits for a bootloader that is starting again (after code started with Go jumped back into
   * it): sends 0x7F every {@link #RESTART_POLL} until it is answered or {@code deadline} passes.
   * Bytes sent while the chip runs other code are lost harmlessly; other answers are dropped.
   *
   * @return true for ACK (a fresh autobaud), false for NACK (the chip never left command state)
   * @throws NoReplyException at {@link Stage#RESYNC} when nothing answered in time
   */
  boolean reacquire(Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    link.drain();
    while (System.nanoTime() < end) {
      link.write((byte) Bytes.SYNC);
      try {
        int answer = link.readByte(RESTART_POLL);
        if (answer == Bytes.ACK || answer == Bytes.NACK) {
          link.drain();
          return answer == Bytes.ACK;
        }
      } catch (LinkTimeoutException e) {
        // Still running its code, or starting: ask again.
      }
    }
    throw new NoReplyException(Command.SYNC, Stage.RESYNC, null, deadline, 0, 1, null);
  }

  /** How often {@link #reacquire} asks: AN2606 puts a bootloader's 0x7F→ACK well under 1 ms. */
  static final Duration RESTART_POLL = Duration.ofMillis(50);

  /**
   * Reads and drops whatever the chip still sends until it has been silent for {@code span} plus a
   * turnaround ({@link #PROBE_GAP}).
   */
  void awaitSilence(Duration span) {
    Duration gap = span.plus(PROBE_GAP);
    try {
      while (true) {
        link.readByte(gap);
      }
    } catch (LinkTimeoutException e) {
      // Silent: nothing more is coming.
    }
  }

  /**
   * The byte recovery pads frames with. A frame made only of one byte value v cannot pass any
   * AN3155 check when v is even and not zero: a count N = v followed by N + 1 (odd) copies of v
   * XORs to 0, not the checksum v; four address bytes XOR to 0, not v; (v, v) is not a command and
   * its complement; and N, N is not a count and its complement. 0x7F would not do: N = 0x7F, 128
   * bytes of 0x7F and checksum 0x7F is a valid Write Memory.
   */
  static final int RECOVERY_FILLER = 0x02;

  /**
   * Enough filler to complete the longest frame that can be pending: Extended Special's second
   * packet (1027 bytes), or an Extended Erase whose count was itself filler (N = 0x0202: 1031).
   */
  static final int RECOVERY_BURST = 1100;

  /**
   * After a command that resets the chip: poll with 0x7F until the fresh bootloader answers ACK.
   * The command list read by Get stays valid: it is the same bootloader.
   * Bytes sent while the chip is in reset are lost, which is why this polls instead of sleeping.
   */
  void afterReset(Command after) {
    long deadline = System.nanoTime() + timeouts.resetRecovery().toNanos();
    boolean sawNack = false;
    while (System.nanoTime() < deadline) {
      link.drain();
      link.write((byte) Bytes.SYNC);
      try {
        int answer = link.readByte(timeouts.sync());
        if (answer == Bytes.ACK) {
          return;
        }
        sawNack |= answer == Bytes.NACK;
      } catch (LinkTimeoutException e) {
        // Still resetting: poll again.
      }
    }
    if (sawNack) {
      return;
    }
    throw new NoReplyException(after, Stage.RESYNC, null, timeouts.resetRecovery(), 0, 1, null);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
