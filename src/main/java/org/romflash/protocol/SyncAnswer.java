package org.romflash.protocol;

import java.time.Duration;
import java.util.List;

/**
 * What came back for the autobaud byte 0x7F (AN3155 section 1) when probing a line whose state is
 * unknown: {@link BootloaderClient#probe(Duration)}. Unlike synchronising, a probe does not decide
 * what to do about the answer; it only says what it was, for a diagnosis.
 */
public sealed interface SyncAnswer {

  /** ACK: a bootloader in its autobaud state measured the baud rate and answered. */
  record Ack(int attempt) implements SyncAnswer {}

  /**
   * NACK: the bootloader was already synchronised (a previous program left it waiting for a
   * command) and took the 0x7F bytes as a command code and a wrong complement.
   */
  record Nack(int attempt) implements SyncAnswer {}

  /** The 0x7F itself came back first: a loopback, an echoing adapter, or TX tied to RX. */
  record Echo(List<Integer> received) implements SyncAnswer {
    public Echo {
      received = List.copyOf(received);
    }
  }

  /** Bytes that are neither ACK nor NACK: a baud-rate mismatch, wrong parity or noise. */
  record Garbage(List<Integer> received) implements SyncAnswer {
    public Garbage {
      received = List.copyOf(received);
    }
  }

  /** Nothing came back to either 0x7F within {@code window} each. */
  record Silence(Duration window) implements SyncAnswer {}

  /** Names what arrived after the {@code attempt}-th 0x7F. */
  static SyncAnswer classify(List<Integer> received, int attempt) {
    if (received.get(0) == Bytes.SYNC) {
      return new Echo(received);
    }
    List<Integer> answer = received.size() > 1 && received.get(0) == 0x00
        ? received.subList(1, received.size()) : received;
    if (answer.equals(List.of(Bytes.ACK))) {
      return new Ack(attempt);
    }
    if (answer.equals(List.of(Bytes.NACK))) {
      return new Nack(attempt);
    }
    return new Garbage(received);
  }
}
