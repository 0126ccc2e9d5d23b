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
public record FlashTiming(Duration programWord, Duration erasePerKiB, Duration massErase) {}
