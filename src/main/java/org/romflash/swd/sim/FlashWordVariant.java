package org.romflash.swd.sim;

import org.romflash.device.Device;

/**
 * The model's own reading of where the STM32H7 flash controllers differ: the flash word (256 bits
 * on RM0433 H74x/H75x and RM0468 H72x/H73x, 128 bits on RM0455 H7A3/H7B3/H7B0) and where FLASH_CR
 * keeps START and the sector number (bit 7 and bits 10:8, or bit 5 and bits 12:6), and CR's reset
 * value (LOCK with PSIZE = x64 where PSIZE exists).
 */
record FlashWordVariant(int flashWordBytes, int startBit, int sectorShift, int sectorBits,
    int resetControl) {

  static FlashWordVariant forDevice(Device device) {
    if (!device.family().equalsIgnoreCase("STM32H7")) {
      throw new IllegalArgumentException(device.name() + " has no H7 flash controller");
    }
    return switch (device.programWord()) {
      case 32 -> new FlashWordVariant(32, 7, 8, 3, 0x30);
      case 16 -> new FlashWordVariant(16, 5, 6, 7, 0);
      default -> throw new IllegalArgumentException(device.name() + ": an H7 flash word of "
          + device.programWord() + " bytes is not known");
    };
  }

  boolean starts(int control) {
    return (control & 1 << startBit) != 0;
  }

  int sector(int control) {
    return control >>> sectorShift & (1 << sectorBits) - 1;
  }
}
