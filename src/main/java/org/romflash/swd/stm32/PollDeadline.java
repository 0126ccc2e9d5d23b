package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long one flash operation may keep the controller busy before we give up on it, as an object
 * that polling loops ask: the allowance is {@link BusyDeadline#allowance} (one policy for every
 * driver), counted from when the deadline is made.
 */
final class PollDeadline {
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
    return new PollDeadline(BusyDeadline.allowance(typical), nanoTime);
  }

  boolean passed() {
    return nanoTime.getAsLong() - start > limit.toNanos();
  }

  long limitMillis() {
    return limit.toMillis();
  }
}
