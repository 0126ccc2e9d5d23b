package org.romflash.swd.stm32;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.romflash.swd.DebugMemory;

/**
 * How long a flash controller may stay busy, and the wait for it: ten times the datasheet's typical
 * time for the operation plus 100 ms. Datasheets give typical figures whose maxima are a few times
 * higher (and grow with temperature and wear), and each status read costs a probe round trip, so
 * tenfold plus a fixed margin is generous while still ending the wait on a wedged controller. One
 * policy for every controller generation, so deadlines mean the same in every driver.
 */
final class BusyDeadline {
  static final int FACTOR = 10;
  static final Duration MARGIN = Duration.ofMillis(100);

  private BusyDeadline() {}

  /** The time a controller may stay busy for an operation whose typical time is {@code typical}. */
  static Duration allowance(Duration typical) {
    return typical.multipliedBy(FACTOR).plus(MARGIN);
  }

  /**
   * Reads the status register until its busy bit clears.
   *
   * @return the first status value read without the busy bit
   * @throws FlashControllerException flagged "BSY" when the controller stays busy past the
   *     allowance
   */
  static int awaitIdle(DebugMemory memory, long statusRegister, int busyBit, Duration typical,
      String operation, long address) {
    Duration allowed = allowance(typical);
    long deadline = System.nanoTime() + allowed.toNanos();
    while (true) {
      int status = memory.read32(statusRegister);
      if ((status & busyBit) == 0) {
        return status;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new FlashControllerException(operation, address, Integer.toUnsignedLong(status),
            List.of("BSY"), String.format(
                "the controller stayed busy for more than %s (%d x the typical %s + %s)",
                millis(allowed), FACTOR, millis(typical), millis(MARGIN)));
      }
      Thread.onSpinWait();
    }
  }

  /** "100.525 ms", "300 ms". */
  static String millis(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
  }
}
