package org.romflash.swd.stm32;

import org.romflash.device.Device;

/**
 * Where the STM32H7 flash controllers differ. Both have one register set per bank (bank 1 at
 * 0x52002000, bank 2 at 0x52002100: KEYR +0x04, CR +0x0C, SR +0x10, CCR +0x14) with LOCK, PG, SER
 * and BER at CR bits 0 to 3 and the same SR/CCR flag bits; they differ in the flash word and in
 * where CR keeps START and the sector number:
 *
 * <ul>
 *   <li>H74x/H75x (RM0433 section 4.9) and H72x/H73x (RM0468, same register layout, one bank):
 *       256-bit flash words; PSIZE bits 5:4, FW bit 6, START bit 7, SNB bits 10:8.
 *   <li>H7A3/H7B3/H7B0 (RM0455): 128-bit flash words; no PSIZE; FW bit 4, START bit 5, SSN bits
 *       12:6.
 * </ul>
 *
 * @param flashWordBytes bytes programmed at once (the write buffer's size)
 * @param startBit CR.START's position
 * @param sectorShift where CR's sector-number field starts
 * @param sectorBits its width
 * @param parallelism the CR.PSIZE bits to write, 0 where there is no PSIZE
 */
record FlashWordRegisters(int flashWordBytes, int startBit, int sectorShift, int sectorBits,
    int parallelism) {

  static final long BANK1 = 0x52002000L;
  static final long BANK_STRIDE = 0x100;

  /**
   * PSIZE = x32 (0b10, RM0433 FLASH_CR description): it matches our 32-bit bus writes and the
   * programming time the H743 entry gives is the datasheet's x32 figure (DS12110). x64 would
   * program somewhat faster; it is left until it has been tried on hardware. Only RM0433/RM0468
   * parts have PSIZE.
   */
  private static final int PSIZE_X32 = 0b10 << 4;

  /** @throws IllegalArgumentException for a device that is not an H7 of a known layout */
  static FlashWordRegisters forDevice(Device device) {
    if (!device.family().equalsIgnoreCase("STM32H7")) {
      throw new IllegalArgumentException(device.name() + " has no H7 flash controller");
    }
    return switch (device.programWord()) {
      case 32 -> new FlashWordRegisters(32, 7, 8, 3, PSIZE_X32);
      case 16 -> new FlashWordRegisters(16, 5, 6, 7, 0);
      default -> throw new IllegalArgumentException(device.name() + ": an H7 flash word of "
          + device.programWord() + " bytes is not known");
    };
  }

  static long bankBase(int bank) {
    return BANK1 + (bank - 1) * BANK_STRIDE;
  }

  /** CR's sector-number bits for the {@code index}-th sector of a bank. */
  int sectorSelection(int index) {
    if (index >= 1 << sectorBits) {
      throw new IllegalArgumentException("sector " + index + " does not fit the sector field");
    }
    return index << sectorShift;
  }

  int start() {
    return 1 << startBit;
  }
}
