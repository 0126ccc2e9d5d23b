package org.romflash.swd.stm32;

import org.romflash.device.EraseUnit;
import org.romflash.device.FlashLayout;

/**
 * The FLASH_CR SNB value that selects a sector on F2/F4/F7. Our device data numbers sectors
 * 0, 1, 2, ... across both banks (the numbers the bootloader's Extended Erase takes); the
 * controller numbers them within their bank, and on dual-bank F42x/F43x and F469/F479 marks bank 2
 * with bit 4 of SNB: sector 12 is 0b1_0000, sector 23 is 0b1_1011 (RM0090, FLASH_CR for
 * STM32F42xxx and STM32F43xxx; RM0386 likewise).
 */
final class SectorNumbers {
  static final int BANK2 = 0x10;

  private SectorNumbers() {}

  /** @throws IllegalArgumentException when {@code unit} is not one of the layout's sectors */
  static int snb(FlashLayout layout, EraseUnit unit) {
    if (!layout.unit(unit.number()).map(unit::equals).orElse(false)) {
      throw new IllegalArgumentException("sector " + unit.number() + " at "
          + String.format("0x%08X", unit.address()) + " is not in this device's flash layout");
    }
    int first = layout.units().stream().filter(u -> u.bank() == unit.bank())
        .mapToInt(EraseUnit::number).min().orElseThrow();
    int inBank = unit.number() - first;
    return unit.bank() == 1 ? inBank : BANK2 | inBank;
  }
}
