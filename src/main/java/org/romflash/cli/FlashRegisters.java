package org.romflash.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Where a family's flash interface keeps the registers that reload the option bytes
 * (OBL_LAUNCH): the only reset that makes the chips with an empty-flash check (F04x/F09x, G0, C0,
 * L4, WB, WL, U0) look at the flash again, so that a freshly programmed chip leaves the bootloader.
 * A system reset keeps the old "flash is empty" verdict (AN2606, pattern notes).
 *
 * @param base FLASH register block
 * @param keyr offset of FLASH_KEYR; optkeyr offset of FLASH_OPTKEYR; cr offset of FLASH_CR
 * @param oblLaunchBit the OBL_LAUNCH bit in FLASH_CR
 * @param optionKeys the two values that unlock the option bytes, in order
 */
record FlashRegisters(long base, int keyr, int optkeyr, int cr, int oblLaunchBit,
    long[] optionKeys) {
  /** FLASH_KEYR's unlock sequence, the same on every STM32 with these registers. */
  static final long[] FLASH_KEYS = {0x45670123L, 0xCDEF89ABL};

  /**
   * From the reference manuals' FLASH register maps: RM0091 (F0: KEYR 0x04, OPTKEYR 0x08, CR 0x10,
   * OBL_LAUNCH bit 13, option keys as flash keys), RM0444/RM0490/RM0503 (G0, C0, U0), RM0394/RM0351
   * (L4) and RM0434/RM0453 (WB at 0x58004000, WL at 0x58004000): KEYR 0x08, OPTKEYR 0x0C, CR
   * 0x14, OBL_LAUNCH bit 27, option keys 0x08192A3B then 0x4C5D6E7F.
   */
  private static final Map<String, FlashRegisters> BY_FAMILY = Map.of(
      "STM32F0", new FlashRegisters(0x40022000L, 0x04, 0x08, 0x10, 13, FLASH_KEYS),
      "STM32G0", modern(0x40022000L),
      "STM32C0", modern(0x40022000L),
      "STM32U0", modern(0x40022000L),
      "STM32L4", modern(0x40022000L),
      "STM32WB", modern(0x58004000L),
      "STM32WL", modern(0x58004000L));

  private static FlashRegisters modern(long base) {
    return new FlashRegisters(base, 0x08, 0x0C, 0x14, 27, new long[] {0x08192A3BL, 0x4C5D6E7FL});
  }

  static Optional<FlashRegisters> of(String family) {
    return Optional.ofNullable(BY_FAMILY.get(family));
  }
}
