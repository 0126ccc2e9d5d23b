package org.romflash.swd.sim;

import java.util.List;
import org.romflash.device.EraseUnit;

/**
 * One simulated FPEC register bank (F0/F1/F3): KEYR 0x04, SR 0x0C, CR 0x10, AR 0x14 from its base,
 * with the rules of PM0075 (F1, the manual RM0008 3.3.3 refers to) and RM0091 3.2.2 (F0). CR
 * ignores writes while locked. Programming takes one half-word per 16-bit write while PG is set;
 * any other access size is a bus error. A half-word that is not erased is skipped with PGERR,
 * except when 0x0000 is written, which the manuals allow; a write-protected page gives WRPRTERR.
 * Results (EOP or an error flag) appear in SR once BSY clears. Writing flash without PG set is a
 * bus fault in this model (the manuals do not say what the FPEC does). STRT reads back as 0. A
 * mass erase of a bank with a write-protected page erases nothing and sets WRPRTERR (an
 * assumption; the manuals speak of pages). Bank 1 also has the option registers: OPTKEYR 0x08,
 * OBR 0x1C, WRPR 0x20, and CR's OPTPG 4, OPTER 5, OPTWRE 9 and, on F0/F3, OBL_LAUNCH 13 (FLASH_CR
 * in RM0091 3.5.5, RM0316 4.5 and PM0075); see {@link FpecOptionBytes}.
 */
final class FpecBankModel {
  static final int KEYR = 0x04;
  static final int SR = 0x0C;
  static final int CR = 0x10;
  static final int AR = 0x14;
  static final int OPTKEYR = 0x08;
  static final int OBR = 0x1C;
  static final int WRPR = 0x20;

  static final int BSY = 1;
  static final int PGERR = 1 << 2;
  static final int WRPRTERR = 1 << 4;
  static final int EOP = 1 << 5;

  static final int PG = 1;
  static final int PER = 1 << 1;
  static final int MER = 1 << 2;
  static final int STRT = 1 << 6;
  static final int LOCK = 1 << 7;
  static final int OPTPG = 1 << 4;
  static final int OPTER = 1 << 5;
  static final int OPTWRE = 1 << 9;
  static final int OBL_LAUNCH = 1 << 13;

  private final FlashArray array;
  private final int bank;
  private final int erasedHalfWord;
  private final FpecOptionBytes options;
  private final Runnable launch;
  private final KeyedLock keys = new KeyedLock();
  private final BusyCountdown busy = new BusyCountdown();
  private int status;
  private int pending;
  private int control;
  private long address;

  /**
   * @param options the option bytes, for bank 1; null for bank 2
   * @param launch what OBL_LAUNCH does (F0/F3 bank 1); null where the bit does not exist
   */
  FpecBankModel(FlashArray array, int bank, int erasedValue, FpecOptionBytes options,
      Runnable launch) {
    this.array = array;
    this.bank = bank;
    this.erasedHalfWord = erasedValue * 0x0101;
    this.options = options;
    this.launch = launch;
  }

  int read(int offset) {
    return switch (offset) {
      case SR -> status();
      case CR -> control | (keys.unlocked() ? 0 : LOCK)
          | (options != null && options.writeEnabled() ? OPTWRE : 0);
      case AR -> (int) address;
      case OBR -> options == null ? 0 : options.obr();
      case WRPR -> options == null ? 0 : options.wrpr();
      default -> 0;
    };
  }

  void write(long busAddress, int offset, int value) {
    switch (offset) {
      case KEYR -> keys.write(busAddress, value);
      case SR -> status &= ~(value & (PGERR | WRPRTERR | EOP));
      case CR -> control(busAddress, value);
      case AR -> address = Integer.toUnsignedLong(value);
      case OPTKEYR -> {
        if (options != null) {
          options.key(busAddress, value);
        }
      }
      default -> { }
    }
  }

  void program(long at, int size, int value) {
    if (!keys.unlocked() || (control & PG) == 0) {
      throw new BusFault(at, "flash written while PG is not set in FLASH_CR");
    }
    if (size != 2) {
      throw new BusFault(at, size * 8 + "-bit write while programming: the FPEC takes half-words"
          + " only");
    }
    int half = value & 0xFFFF;
    if (array.writeProtected(array.unitAt(at))) {
      complete(WRPRTERR);
    } else if (array.get(at, 2) != erasedHalfWord && half != 0) {
      complete(PGERR);
    } else {
      array.set(at, 2, half);
      complete(EOP);
    }
  }

  /** A write to the option area: programs it while OPTPG is set (bank 1 only). */
  void programOption(long at, int size, int value) {
    if (!keys.unlocked() || (control & OPTPG) == 0) {
      throw new BusFault(at, "option bytes written while OPTPG is not set in FLASH_CR");
    }
    complete(options.program(at, size, value));
  }

  void holdBusy() {
    busy.holdNext();
  }

  void reset() {
    keys.reset();
    busy.reset();
    status = 0;
    pending = 0;
    control = 0;
    address = 0;
  }

  private int status() {
    if (busy.busyOnRead()) {
      return status | BSY;
    }
    status |= pending;
    pending = 0;
    return status;
  }

  private void control(long busAddress, int value) {
    if (!keys.unlocked()) {
      return;
    }
    if (options != null && (value & OPTWRE) == 0) {
      options.disableWrite();
    }
    if (launch != null && (value & OBL_LAUNCH) != 0) {
      launch.run();
      return;
    }
    control = value & (PG | PER | MER | (options != null ? OPTPG | OPTER : 0));
    if ((value & LOCK) != 0) {
      keys.lock();
    } else if ((value & STRT) != 0 && (value & OPTER) != 0 && options != null) {
      complete(options.erase());
    } else if ((value & STRT) != 0 && (value & PER) != 0) {
      erase(busAddress, List.of(pageAtAddressRegister(busAddress)));
    } else if ((value & STRT) != 0 && (value & MER) != 0) {
      erase(busAddress, array.layout().units().stream().filter(u -> u.bank() == bank).toList());
    }
  }

  private EraseUnit pageAtAddressRegister(long busAddress) {
    return array.layout().unitAt(address).filter(u -> u.bank() == bank)
        .orElseThrow(() -> new BusFault(busAddress, String.format(
            "STRT with AR 0x%08X, which is no page of flash bank %d", address, bank)));
  }

  private void erase(long busAddress, List<EraseUnit> pages) {
    if (pages.stream().anyMatch(array::writeProtected)) {
      complete(WRPRTERR);
      return;
    }
    pages.forEach(array::erase);
    complete(EOP);
  }

  /** An operation started: its flags show once BSY has cleared. */
  private void complete(int flags) {
    status |= pending;
    pending = flags;
    busy.start();
  }
}
