package org.romflash.emulator;

/**
 * What the emulated chip does when Go starts code in RAM. Only {@link #RUN} is a real chip; the
 * others stand for bootloader emulators that cannot execute code, so that romflash's fallbacks
 * can be tested against them.
 */
public enum RamCode {
  /**
   * romflash's CRC routine has its effect ({@link CrcRoutineModel}) and returns to the bootloader;
   * any other code leaves the chip deaf, as code that never returns would.
   */
  RUN,
  /** Nothing runs: the bootloader starts again at once and waits for 0x7F. */
  RESTART,
  /** The chip never answers again (until the emulator is restarted). */
  DEAF
}
