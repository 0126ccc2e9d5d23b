package org.romflash.swd.sim;

/**
 * How long a simulated flash operation runs, counted in status-register reads instead of wall
 * time, so tests are deterministic: an operation started now shows busy for the next few reads
 * and is finished at the read after. A test can make the next operation hang ({@link
 * #hangNext()}), as a controller that never clears its busy flag would.
 */
final class OperationTimer {
  private final int busyReads;
  private int left;
  private boolean held;
  private boolean hangNext;

  OperationTimer(int busyReads) {
    this.busyReads = busyReads;
  }

  void start() {
    left = busyReads + 1;
    held = hangNext;
  }

  boolean running() {
    return held || left > 0;
  }

  /**
   * One status read's worth of time passes.
   *
   * @return whether the operation finished with this read
   */
  boolean tick() {
    if (held || left == 0) {
      return false;
    }
    left--;
    return left == 0;
  }

  /** Ends the operation now: a bus access that would wait for it (the bus stalls until then). */
  boolean finishNow() {
    boolean wasRunning = left > 0 && !held;
    if (wasRunning) {
      left = 0;
    }
    return wasRunning;
  }

  /** The next operation started never ends (until {@link #reset()}). */
  void hangNext() {
    hangNext = true;
  }

  void reset() {
    left = 0;
    held = false;
    hangNext = false;
  }
}
