package org.romflash.flash;

import java.time.Duration;

/**
 * The chip did not come back to its bootloader after romflash's RAM CRC routine was started with
 * Go: it can be neither verified nor read until it is reset into the bootloader again. What was
 * written before stays written.
 */
public final class ChipLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChipLostException(long load, Duration waited) {
    super(String.format("the chip did not come back to its bootloader within %.1f s after"
        + " romflash's RAM CRC routine was started at 0x%08X", waited.toMillis() / 1000.0, load));
  }
}
