package org.romflash.emulator;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A virtual clock that runs ahead of real time by the costs charged to it; {@link #settle()} waits
 * for real time to catch up. Charging many small costs and sleeping once keeps the total accurate
 * even though the operating system cannot sleep for a few microseconds.
 */
final class Pacer {
  private long virtualNanos = System.nanoTime();

  void charge(Duration cost) {
    long now = System.nanoTime();
    if (virtualNanos < now) {
      virtualNanos = now;
    }
    virtualNanos += cost.toNanos();
  }

  /** The virtual clock, on the {@link System#nanoTime()} scale. */
  long now() {
    return virtualNanos;
  }

  void settle() {
    long wait;
    while ((wait = virtualNanos - System.nanoTime()) > 200_000) {
      LockSupport.parkNanos(wait);
    }
  }
}
