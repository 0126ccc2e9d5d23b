package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long one flash operation may keep the controller busy before we give up on it: ten times
 * the datasheet's typical time plus 100 ms (the probe's own latency and a slow, cold or aged chip
 * stay well inside; a controller that hangs does not). Typical times come from the device's
 * {@link org.romflash.device.FlashTiming}.
 */
final class PollDeadline {
  private static final Duration MARGIN = Duration.ofMillis(100);

  private final Duration limit;
  private final LongSupplier nanoTime;
  private final long start;

  PollDeadline(Duration limit, LongSupplier nanoTime) {
    this.limit = limit;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
  }

  /** Starts now, for an operation whose datasheet typical time is {@code typical}. */
  static PollDeadline forTypical(Duration typical) {
    return forTypical(typical, System::nanoTime);
  }

  static PollDeadline forTypical(Duration typical, LongSupplier nanoTime) {
    return new PollDeadline(typical.multipliedBy(10).plus(MARGIN), nanoTime);
  }

  boolean passed() {
    return nanoTime.getAsLong() - start > limit.toNanos();
  }

  long limitMillis() {
    return limit.toMillis();
  }
}
