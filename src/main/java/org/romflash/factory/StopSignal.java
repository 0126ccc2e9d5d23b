package org.romflash.factory;

/**
 * The operator asked the station to stop (Ctrl-C). Workers look at it between steps and between
 * blocks, so a stop takes effect within one block, and the unit is journaled as interrupted.
 */
public final class StopSignal {
  private volatile boolean raised;

  public void raise() {
    raised = true;
  }

  public boolean raised() {
    return raised;
  }

  /** @throws UnitInterruptedException once the stop is raised */
  void check() {
    if (raised) {
      throw new UnitInterruptedException();
    }
  }

  /** Sleeps up to {@code millis}, waking early when the stop is raised. */
  void sleep(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (!raised && System.nanoTime() < end) {
      try {
        Thread.sleep(Math.min(20, Math.max(1, (end - System.nanoTime()) / 1_000_000L)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
