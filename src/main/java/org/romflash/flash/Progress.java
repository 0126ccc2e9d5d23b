package org.romflash.flash;

/** Receives progress of long work; the CLI draws bars from it. Implementations must be cheap. */
public interface Progress {

  /** The phases of a programming run. */
  enum Phase { ERASE, WRITE, VERIFY, READ }

  /** A phase starts, with its total in bytes (or units for erase). */
  void start(Phase phase, long total);

  /** {@code amount} more of the current phase's total is done. */
  void advance(long amount);

  /** The current phase is over. */
  void finish();

  /** A listener that ignores everything. */
  static Progress none() {
    return new Progress() {
      @Override
      public void start(Phase phase, long total) {}

      @Override
      public void advance(long amount) {}

      @Override
      public void finish() {}
    };
  }
}
