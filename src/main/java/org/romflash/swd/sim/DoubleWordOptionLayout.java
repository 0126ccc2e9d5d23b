package org.romflash.swd.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The model's own reading of the double-word controllers' option bytes (kept apart from the
 * driver's): which FLASH option register each double word of the option area holds, with the
 * value in its low word and the complement in its high word (RM0351 3.4.1, RM0444 3.4.1: "option
 * byte organization"; the complements are computed by the controller at OPTSTRT), which bits the
 * register keeps, and the values the model starts with.
 *
 * <ul>
 *   <li>L4 (RM0351/RM0394/RM0432): at 0x1FFF7800 OPTR, PCROP1SR, PCROP1ER, WRP1AR, WRP1BR
 *       (registers 0x20-0x30). Bank 2's words at 0x1FFFF808 are not modelled.
 *   <li>G4 (RM0440): as L4, then SEC1R (register 0x70) at 0x1FFF7828.
 *   <li>G0 (RM0444): OPTR, PCROP1A start/end, WRP1A, WRP1B, PCROP1B start/end (0x20-0x38), on
 *       dual-bank parts the same for bank 2 from 0x1FFF7838 (0x44-0x58), SECR (0x80) at
 *       0x1FFF7870.
 *   <li>WB (RM0434) at 0x1FFF8000, WL (RM0453) at 0x1FFF7800: OPTR, PCROP1A, WRP1A, WRP1B,
 *       PCROP1B, IPCCBR (0x20-0x3C), and CPU2's SFR and SRRVR (0x80, 0x84) at +0x70 and +0x78,
 *       which CPU1 and the debug port cannot change.
 * </ul>
 *
 * <p>The model keeps every OPTR bit; the other registers keep their fields (WRP start and end in
 * bits 7:0 and 23:16, PCROP offsets in 15:0 and PCROP_RDP in bit 31, SEC_SIZE 7:0 and BOOT_LOCK
 * bit 16, IPCCDBA 13:0) and read their other bits as the model's factory value has them. The
 * factory values are the model's: OPTR 0xFFEFF8AA (RDP 0xAA; the L4 and G4 factory value), no WRP
 * area (start 0xFF above end 0x00), no PCROP area, no securable area.
 */
record DoubleWordOptionLayout(long viewBase, List<Word> words, boolean secondCore) {

  DoubleWordOptionLayout {
    words = List.copyOf(words);
  }

  /** What a register does in the model. */
  enum Kind { USER, WRITE_PROTECTION, STORED, SECOND_CORE }

  /**
   * One option register and its double word in the option area.
   *
   * @param viewOffset the double word's offset from the area's start
   * @param register the register's offset in the FLASH block
   * @param bank the bank it serves (1 for the ones that serve the whole chip)
   */
  record Word(int viewOffset, int register, int bank, Kind kind, int writable, int factory) {}

  static DoubleWordOptionLayout forFamily(String family) {
    return switch (family.toUpperCase(Locale.ROOT)) {
      case "STM32L4" -> new DoubleWordOptionLayout(0x1FFF7800L, bank1(false), false);
      case "STM32G4" -> new DoubleWordOptionLayout(0x1FFF7800L,
          with(bank1(false), security(0x28, 0x70)), false);
      case "STM32G0" -> new DoubleWordOptionLayout(0x1FFF7800L, g0(), false);
      case "STM32WB" -> new DoubleWordOptionLayout(0x1FFF8000L, dualCore(), true);
      case "STM32WL" -> new DoubleWordOptionLayout(0x1FFF7800L, dualCore(), true);
      default -> throw new IllegalArgumentException(family
          + " has no double-word (L4/G0/G4/WB/WL) flash controller");
    };
  }

  /**
   * The option area's size in the model: 128 bytes, the largest user option block of these
   * families (G0, WB, WL; RM0444 3.4.1), or more if the words reach further.
   */
  int viewSize() {
    return Math.max(0x80, words.stream().mapToInt(Word::viewOffset).max().orElse(0) + 8);
  }

  private static List<Word> bank1(boolean areaB) {
    List<Word> words = new ArrayList<>(List.of(new Word(0, 0x20, 1, Kind.USER, -1, 0xFFEFF8AA)));
    words.addAll(pcrop(0x08, 0x24, 1));
    words.add(wrp(0x18, 0x2C, 1));
    words.add(wrp(0x20, 0x30, 1));
    if (areaB) {
      words.addAll(pcrop(0x28, 0x34, 1));
    }
    return words;
  }

  private static List<Word> g0() {
    List<Word> words = bank1(true);
    words.addAll(pcrop(0x38, 0x44, 2));
    words.add(wrp(0x48, 0x4C, 2));
    words.add(wrp(0x50, 0x50, 2));
    words.addAll(pcrop(0x58, 0x54, 2));
    return with(words, security(0x70, 0x80));
  }

  private static List<Word> dualCore() {
    List<Word> words = bank1(true);
    words.add(new Word(0x38, 0x3C, 1, Kind.STORED, 0x3FFF, -1));
    words.add(new Word(0x70, 0x80, 1, Kind.SECOND_CORE, 0, -1));
    words.add(new Word(0x78, 0x84, 1, Kind.SECOND_CORE, 0, -1));
    return words;
  }

  private static List<Word> pcrop(int viewOffset, int register, int bank) {
    return List.of(new Word(viewOffset, register, bank, Kind.STORED, 0xFFFF, -1),
        new Word(viewOffset + 8, register + 4, bank, Kind.STORED, 0x8000FFFF, 0xFFFF0000));
  }

  private static Word wrp(int viewOffset, int register, int bank) {
    return new Word(viewOffset, register, bank, Kind.WRITE_PROTECTION, 0x00FF00FF, 0xFF00FFFF);
  }

  private static Word security(int viewOffset, int register) {
    return new Word(viewOffset, register, 1, Kind.STORED, 0x000100FF, 0xFF00FF00);
  }

  private static List<Word> with(List<Word> words, Word more) {
    List<Word> all = new ArrayList<>(words);
    all.add(more);
    return all;
  }
}
