package org.romflash.swd.stm32;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which FLASH option register programs each double word of the double-word controllers' option
 * area: a register's value is the double word's low word, its complement (which the controller
 * computes at OPTSTRT) the high word (RM0351 3.4.1 and RM0444 3.4.1, "option byte organization";
 * register offsets from the FLASH register maps of each manual). Offsets are from the area's start:
 *
 * <ul>
 *   <li>L4 (RM0351/RM0394/RM0432): +0x00 OPTR (0x20), +0x08 PCROP1SR (0x24), +0x10 PCROP1ER
 *       (0x28), +0x18 WRP1AR (0x2C), +0x20 WRP1BR (0x30). Bank 2's words lie elsewhere
 *       (0x1FFFF808) and are not in the device entries' areas.
 *   <li>G4 (RM0440): as L4, and +0x28 SEC1R (0x70).
 *   <li>G0 (RM0444): as L4 with PCROP area A, then +0x28/+0x30 PCROP1BSR/ER (0x34/0x38); on
 *       dual-bank parts +0x38 to +0x60 the same for bank 2 (0x44-0x58); +0x70 SECR (0x80).
 *   <li>WB (RM0434) and WL (RM0453): as G0's bank 1, +0x38 IPCCBR (0x3C), and +0x70 SFR and +0x78
 *       SRRVR (0x80, 0x84), which belong to CPU2's secure firmware and are not written here.
 * </ul>
 *
 * @param secondCore the chip has CPU2 (WB, WL), which can suspend flash operations (PESD)
 */
record DoubleWordOptionWords(List<Word> words, boolean secondCore) {

  /**
   * One option register.
   *
   * @param viewOffset where its value lies from the option area's start
   * @param register its offset in the FLASH register block
   * @param bank the bank it serves (1 for those that serve the whole chip)
   * @param writable whether the debug port may write it
   */
  record Word(String name, int viewOffset, int register, int bank, boolean writable) {}

  DoubleWordOptionWords {
    words = List.copyOf(words);
  }

  /** @throws IllegalArgumentException for a family of another controller generation */
  static DoubleWordOptionWords forFamily(String family) {
    List<Word> words = new ArrayList<>(List.of(new Word("OPTR", 0x00, 0x20, 1, true)));
    String name = family.toUpperCase(Locale.ROOT);
    boolean l4 = name.equals("STM32L4") || name.equals("STM32G4");
    words.addAll(bank(1, 0x00, 0x00, l4 ? "PCROP1S" : "PCROP1AS", l4));
    switch (name) {
      case "STM32L4" -> { }
      case "STM32G4" -> words.add(new Word("SEC1R", 0x28, 0x70, 1, true));
      case "STM32G0" -> {
        words.addAll(bank(2, 0x30, 0x20, "PCROP2AS", false));
        words.add(new Word("SECR", 0x70, 0x80, 1, true));
      }
      case "STM32WB", "STM32WL" -> {
        words.add(new Word("IPCCBR", 0x38, 0x3C, 1, true));
        words.add(new Word("SFR", 0x70, 0x80, 1, false));
        words.add(new Word("SRRVR", 0x78, 0x84, 1, false));
      }
      default -> throw new IllegalArgumentException(family
          + " has no double-word (L4/G0/G4/WB/WL) flash controller");
    }
    return new DoubleWordOptionWords(words, name.equals("STM32WB") || name.equals("STM32WL"));
  }

  /**
   * A bank's PCROP area A (start, end), WRP areas A and B, and PCROP area B unless {@code onlyA};
   * bank 1's from view +0x08 and register 0x24, shifted by {@code view} and {@code register}.
   */
  private static List<Word> bank(int bank, int view, int register, String pcropA,
      boolean onlyA) {
    String n = String.valueOf(bank);
    List<Word> words = new ArrayList<>(List.of(
        new Word(pcropA + "R", 0x08 + view, 0x24 + register, bank, true),
        new Word(pcropA.replace('S', 'E') + "R", 0x10 + view, 0x28 + register, bank, true),
        new Word("WRP" + n + "AR", 0x18 + view, 0x2C + register, bank, true),
        new Word("WRP" + n + "BR", 0x20 + view, 0x30 + register, bank, true)));
    if (!onlyA) {
      words.add(new Word("PCROP" + n + "BSR", 0x28 + view, 0x34 + register, bank, true));
      words.add(new Word("PCROP" + n + "BER", 0x30 + view, 0x38 + register, bank, true));
    }
    return words;
  }
}
