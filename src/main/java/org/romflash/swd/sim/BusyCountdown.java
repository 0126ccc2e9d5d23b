package org.romflash.swd.sim;

/**
 * A controller's BSY flag without a clock: an operation keeps it set for a fixed number of status
 * reads, so tests see the same sequence every run. A test hook makes the next operation hold it
 * forever (until reset), to exercise a driver's deadline.
 */
final class BusyCountdown {
  /** Status reads that still show BSY after an operation starts. */
  static final int READS = 2;

  private int remaining;
  private boolean holdNext;
  private boolean held;

  void start() {
    remaining = READS;
    held = holdNext;
    holdNext = false;
  }

  /** Whether a status read now sees BSY; counts the read. */
  boolean busyOnRead() {
    if (held) {
      return true;
    }
    if (remaining > 0) {
      remaining--;
      return true;
    }
    return false;
  }

  boolean busy() {
    return held || remaining > 0;
  }

  void holdNext() {
    holdNext = true;
  }

  void reset() {
    remaining = 0;
    held = false;
    holdNext = false;
  }
}
