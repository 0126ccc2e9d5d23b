package org.romflash.emulator;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A virtual clock that runs ahead of real time by the costs charged to it; {@link #settle()} waits
 * for real time to catch up, and {@link #arrived()} brings it forward to input that came late. Charging many small costs and sleeping once keeps the total accurate
 * even though the operating system cannot sleep for a few microseconds.
 */
final class Pacer {
  private long virtualNanos = System.nanoTime();

  void charge(Duration cost) {
    virtualNanos += cost.toNanos();
  }

  /**
   * Input arrived after the chip had been waiting for it: the virtual clock cannot be earlier than
   * now. (Input that was already waiting does not move it: its arrival is the wire time charged for
   * it, and an oversleep in {@link #settle()} is then not counted twice.)
   */
  void arrived() {
    virtualNanos = Math.max(virtualNanos, System.nanoTime());
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
