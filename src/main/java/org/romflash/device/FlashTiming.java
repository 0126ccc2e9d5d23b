package org.romflash.device;

import java.time.Duration;

/**
 * Typical flash timings from the device datasheet, used by the emulator's timing model and for
 * progress estimates.
 *
 * @param programWord time to program one programming word
 * @param erasePerKiB erase time per KiB of a page or sector
 * @param massErase time for a mass erase
 */
public record FlashTiming(Duration programWord, Duration erasePerKiB, Duration massErase) {

  /**
   * Used for entries whose file gives no timing: round figures in the range the STM32 datasheets
   * give (tens of microseconds per word, about 20 ms per KiB erased), not any one chip's.
   */
  public static final FlashTiming ESTIMATE = new FlashTiming(Duration.ofNanos(50_000),
      Duration.ofMillis(20), Duration.ofMillis(2000));
}
