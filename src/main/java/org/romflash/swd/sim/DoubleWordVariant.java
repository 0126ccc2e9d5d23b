package org.romflash.swd.sim;

import java.util.List;
import java.util.Locale;
import org.romflash.device.EraseUnit;
import org.romflash.device.FlashLayout;

/**
 * The model's own reading of where the L4, G0, G4, WB and WL double-word flash controllers
 * differ (kept apart from the driver's, as the chip is apart from the code that drives it):
 * register block address, FLASH_CR.PNB width, bank-select bit, the PNB of bank 2's first page,
 * and whether FLASH_SR has CFGBSY. Sources: RM0351/RM0394/RM0432 (L4), RM0440 (G4), RM0444 (G0),
 * RM0434 (WB), RM0453 (WL), FLASH_CR and FLASH_SR descriptions.
 */
record DoubleWordVariant(long base, int pageNumberBits, int bankSelectBit,
    int secondBankFirstPage, boolean configBusy) {

  static DoubleWordVariant forFamily(String family) {
    return switch (family.toUpperCase(Locale.ROOT)) {
      case "STM32L4", "STM32G4" -> new DoubleWordVariant(0x40022000L, 8, 11, 0, false);
      case "STM32G0" -> new DoubleWordVariant(0x40022000L, 10, 13, 256, true);
      case "STM32WB" -> new DoubleWordVariant(0x58004000L, 8, -1, 0, true);
      case "STM32WL" -> new DoubleWordVariant(0x58004000L, 7, -1, 0, true);
      default -> throw new IllegalArgumentException(family
          + " has no double-word (L4/G0/G4/WB/WL) flash controller");
    };
  }

  /**
   * The pages a FLASH_CR value with STRT erases: the page PER, PNB and BKER select, or the banks of
   * MER1 and MER2; empty when it selects none that exists.
   */
  List<EraseUnit> erasedBy(int control, FlashLayout layout) {
    if ((control & DoubleWordModel.PER) != 0) {
      int bank = bankSelectBit >= 0 && (control & 1 << bankSelectBit) != 0 ? 2 : 1;
      int pageNumber = control >>> 3 & (1 << pageNumberBits) - 1;
      int index = bank == 2 ? pageNumber - secondBankFirstPage : pageNumber;
      List<EraseUnit> inBank = layout.units().stream().filter(u -> u.bank() == bank).toList();
      return index >= 0 && index < inBank.size() ? List.of(inBank.get(index)) : List.of();
    }
    boolean first = (control & DoubleWordModel.MER1) != 0;
    boolean second = (control & DoubleWordModel.MER2) != 0;
    return layout.units().stream()
        .filter(u -> first && u.bank() == 1 || second && u.bank() == 2).toList();
  }
}
