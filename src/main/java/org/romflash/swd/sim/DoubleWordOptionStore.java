package org.romflash.swd.sim;

import java.util.List;
import org.romflash.swd.sim.DoubleWordOptionLayout.Kind;
import org.romflash.swd.sim.DoubleWordOptionLayout.Word;

/**
 * The option bytes of a simulated double-word controller in the three places RM0444 3.4.2
 * ("Modifying user options", "Option byte loading") and RM0351 3.4.2 describe: the FLASH option
 * registers, which software writes while OPTLOCK is clear; the option bytes in flash, which OPTSTRT
 * programs from the registers (with the complements) and which the option area shows; and the
 * values the chip runs with, which only an option byte load takes from the option bytes (OBL_LAUNCH,
 * or a power-on reset, which the model has not). A system reset copies the loaded values back into
 * the registers. A load can be made to fail (test hook): OPTVERR is then set, and set again after
 * every reset, and the values loaded before stay (the RM loads "mismatch values" that force a
 * secure configuration; which ones is not said, so the model keeps the old ones).
 */
final class DoubleWordOptionStore {
  private static final int RDP_OPEN = 0xAA;
  private static final int RDP_PERMANENT = 0xCC;

  private final List<Word> words;
  private final int[] registers;
  private final int[] stored;
  private final int[] loaded;
  private final KeySequence keys = KeySequence.optionLock();
  private boolean failNextLoad;
  private boolean loadFailed;

  /** The layout's words for a chip with {@code banks} banks, at their factory values. */
  DoubleWordOptionStore(DoubleWordOptionLayout layout, int banks) {
    this.words = layout.words().stream().filter(w -> w.bank() <= banks).toList();
    this.loaded = words.stream().mapToInt(Word::factory).toArray();
    this.stored = loaded.clone();
    this.registers = loaded.clone();
  }

  boolean locked() {
    return keys.locked();
  }

  /** @return false for a wrong key: the option registers stay locked until reset */
  boolean key(int value) {
    return keys.key(value);
  }

  void lock() {
    keys.lock();
  }

  /** A register read: the value written since the last reset or load; 0 for no option register. */
  int register(int offset) {
    int index = indexOfRegister(offset);
    return index < 0 ? 0 : registers[index];
  }

  /** A register write: kept in the register's bits, ignored while OPTLOCK is set. */
  void write(int offset, int value) {
    int index = indexOfRegister(offset);
    if (index >= 0 && !keys.locked()) {
      Word word = words.get(index);
      registers[index] = value & word.writable() | registers[index] & ~word.writable();
    }
  }

  /** The read-protection level loaded: 0 for RDP 0xAA, 2 for 0xCC, 1 for any other (RM0351 3.5.1). */
  int level() {
    return level(loaded[0]);
  }

  /** Whether programming the registers now takes read protection from level 1 to 0. */
  boolean regresses() {
    return level() == 1 && level(registers[0]) == 0;
  }

  /** OPTSTRT: the option bytes take the registers' values. */
  void program() {
    System.arraycopy(registers, 0, stored, 0, stored.length);
  }

  /** Option byte load: the chip takes the option bytes' values, unless the load is made to fail. */
  void load() {
    loadFailed = failNextLoad;
    failNextLoad = false;
    if (!loadFailed) {
      System.arraycopy(stored, 0, loaded, 0, loaded.length);
    }
  }

  boolean loadFailed() {
    return loadFailed;
  }

  void failNextLoad() {
    failNextLoad = true;
  }

  /** A system reset: the option lock closes and the registers show the loaded values again. */
  void reset() {
    keys.reset();
    System.arraycopy(loaded, 0, registers, 0, registers.length);
  }

  /**
   * Whether the loaded WRP areas of {@code bank} cover its {@code index}-th page: an area covers the
   * pages from its start offset (bits 7:0) to its end offset (bits 23:16), both included, and none
   * when the start lies above the end (RM0351 3.5.3 "Write protection (WRP)"; RM0444 section 3.5
   * has the same rule).
   */
  boolean writeProtected(int bank, int index) {
    for (int i = 0; i < words.size(); i++) {
      Word word = words.get(i);
      if (word.kind() == Kind.WRITE_PROTECTION && word.bank() == bank) {
        int start = loaded[i] & 0xFF;
        int end = loaded[i] >>> 16 & 0xFF;
        if (start <= index && index <= end) {
          return true;
        }
      }
    }
    return false;
  }

  /** The 32-bit word at {@code offset} of the option area: a value, its complement, or erased. */
  int viewWord(int offset) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).viewOffset() == offset - offset % 8) {
        return offset % 8 == 0 ? stored[i] : ~stored[i];
      }
    }
    return -1;
  }

  private int indexOfRegister(int offset) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).register() == offset) {
        return i;
      }
    }
    return -1;
  }

  private static int level(int optr) {
    int rdp = optr & 0xFF;
    return rdp == RDP_OPEN ? 0 : rdp == RDP_PERMANENT ? 2 : 1;
  }
}
