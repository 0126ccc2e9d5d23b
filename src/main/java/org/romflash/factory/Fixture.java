package org.romflash.factory;

import java.time.Duration;

/**
 * What sits behind one port of the station: a place where boards are put, programmed and taken
 * away. The command line implements it for serial ports, TCP serial servers and emulated chips.
 */
public interface Fixture extends AutoCloseable {

  /** The port's name as the user gave it (and as the journal records it). */
  String port();

  /**
   * Opens the port when needed, runs the entry sequence, synchronises and identifies the board.
   *
   * @throws RuntimeException the library's own exceptions when no board answers or the port fails
   */
  Connection connect();

  /**
   * Whether a bootloader answers on the port now, asked at most for {@code window}. Line mode
   * polls this to see boards arrive and leave; a port that cannot be opened has no board.
   */
  boolean boardPresent(Duration window);

  /** The station is done with the board on this port (a simulated operator takes it away). */
  default void unitDone(boolean succeeded) {}

  /** Releases the port. */
  @Override
  void close();
}
