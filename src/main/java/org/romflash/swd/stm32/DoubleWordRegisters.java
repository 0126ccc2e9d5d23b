package org.romflash.swd.stm32;

import java.util.Locale;

/**
 * Where the double-word flash controllers of the L4, G0, G4, WB and WL families differ: the
 * register block's address, the width of FLASH_CR.PNB, the bank-select bit and how bank-2 pages
 * are numbered, and which busy bits FLASH_SR has.
 *
 * <ul>
 *   <li>L4 (RM0351, RM0394, RM0432: FLASH_CR and FLASH_SR in section 3.7): block at 0x40022000;
 *       PNB bits 10:3; BKER bit 11 with the page's number inside its bank; SR.BSY bit 16 only (bit
 *       17 is PEMPTY there).
 *   <li>G4 (RM0440 section 3.7): as L4; PNB bits 10:3 (256 pages on category 4, 128 per bank on
 *       dual-bank category 3), BKER bit 11.
 *   <li>G0 (RM0444 section 3.7): block at 0x40022000; PNB bits 12:3; BKER bit 13 on G0B1/G0C1,
 *       whose bank-2 pages are numbered from 256 (RM0444 3.3.1, dual-bank organisation table);
 *       SR.BSY1 16, BSY2 17, CFGBSY 18.
 *   <li>WB (RM0434 FLASH registers): block at 0x58004000; PNB bits 10:3; one bank; SR.BSY 16,
 *       CFGBSY 18.
 *   <li>WL (RM0453 FLASH registers): block at 0x58004000; PNB bits 9:3; one bank; SR.BSY 16,
 *       CFGBSY 18.
 * </ul>
 *
 * @param base the register block's address (KEYR at +0x08, SR at +0x10, CR at +0x14)
 * @param pageNumberBits the width of CR.PNB, from bit 3
 * @param bankSelectBit CR.BKER's position, or -1 on single-bank families
 * @param secondBankFirstPage the PNB value of bank 2's first page (0 where PNB counts inside the
 *     bank)
 * @param busyMask the SR bits that say an operation is still running
 * @param busyNames the names of those bits
 */
record DoubleWordRegisters(long base, int pageNumberBits, int bankSelectBit,
    int secondBankFirstPage, int busyMask, StatusFlags busyNames) {

  private static final int BSY = 1 << 16;
  private static final int BSY2 = 1 << 17;
  private static final int CFGBSY = 1 << 18;

  /** @throws IllegalArgumentException for a family whose controller is not of this generation */
  static DoubleWordRegisters forFamily(String family) {
    StatusFlags plain = new StatusFlags().bit(16, "BSY").bit(18, "CFGBSY");
    return switch (family.toUpperCase(Locale.ROOT)) {
      case "STM32L4", "STM32G4" -> new DoubleWordRegisters(0x40022000L, 8, 11, 0, BSY, plain);
      case "STM32G0" -> new DoubleWordRegisters(0x40022000L, 10, 13, 256, BSY | BSY2 | CFGBSY,
          new StatusFlags().bit(16, "BSY1").bit(17, "BSY2").bit(18, "CFGBSY"));
      case "STM32WB" -> new DoubleWordRegisters(0x58004000L, 8, -1, 0, BSY | CFGBSY, plain);
      case "STM32WL" -> new DoubleWordRegisters(0x58004000L, 7, -1, 0, BSY | CFGBSY, plain);
      default -> throw new IllegalArgumentException(family
          + " has no double-word (L4/G0/G4/WB/WL) flash controller");
    };
  }

  long keyRegister() {
    return base + 0x08;
  }

  long statusRegister() {
    return base + 0x10;
  }

  long controlRegister() {
    return base + 0x14;
  }

  /** CR's PNB and BKER bits for the {@code index}-th page of {@code bank} (from 1). */
  int pageSelection(int bank, int index) {
    int pageNumber = bank == 1 ? index : secondBankFirstPage + index;
    if (pageNumber >= 1 << pageNumberBits || (bank > 1 && bankSelectBit < 0)) {
      throw new IllegalArgumentException("page " + index + " of bank " + bank
          + " cannot be selected in FLASH_CR.PNB");
    }
    return pageNumber << 3 | (bank > 1 ? 1 << bankSelectBit : 0);
  }
}
