package org.romflash.swd.sim;

import java.util.List;
import org.romflash.device.EraseUnit;

/**
 * The F2/F4/F7 flash controller's state and rules (RM0033 and RM0090 chapter 3, RM0385 and RM0410
 * chapter 3). CR ignores writes while locked. A flash write needs PG set, else PGSERR (ERSERR on
 * the F7, same bit); its size must match PSIZE (x8/x16/x32 = 1/2/4 bytes), else PGPERR; x64 needs
 * VPP and two-word writes and is not modelled (every write then gives PGPERR). A write-protected
 * sector gives WRPERR. Programming only clears bits, with no error for a word that was not erased
 * (RM0090 3.5.4 in Rev 4). Sector erase takes SER and SNB, with bank-2 sectors at SNB 0b1_0000 + n
 * when the device data has two banks (RM0090 FLASH_CR for STM32F42xxx/43xxx); MER erases bank 1
 * (all of a single-bank flash), MER1 bank 2. EOP is set only with EOPIE, OPERR with an error only
 * with ERRIE (RM0090 FLASH_SR). Flags show once BSY clears; STRT reads back as 0. An erase that
 * touches a write-protected sector erases nothing. OPTKEYR (0x08), OPTCR (0x14) and OPTCR1 (0x18)
 * belong to {@link SectorOptionBytes}; OPTSTRT keeps BSY set like any operation.
 */
final class SectorController {
  static final int KEYR = 0x04;
  static final int SR = 0x0C;
  static final int CR = 0x10;
  static final int OPTKEYR = 0x08;
  static final int OPTCR = 0x14;
  static final int OPTCR1 = 0x18;

  static final int EOP = 1;
  static final int OPERR = 1 << 1;
  static final int WRPERR = 1 << 4;
  static final int PGPERR = 1 << 6;
  static final int PGSERR = 1 << 7;
  static final int CLEARABLE = 0x1F3;
  static final int BSY = 1 << 16;

  static final int PG = 1;
  static final int SER = 1 << 1;
  static final int MER = 1 << 2;
  static final int MER1 = 1 << 15;
  static final int STRT = 1 << 16;
  static final int EOPIE = 1 << 24;
  static final int ERRIE = 1 << 25;
  static final int LOCK = 1 << 31;
  /** PG, SER, MER, SNB, PSIZE, MER1, EOPIE, ERRIE. */
  static final int STORED = 0x0300_83FF;

  private final FlashArray array;
  private final boolean dualBank;
  private final SectorOptionBytes options;
  private final KeyedLock keys = new KeyedLock();
  private final BusyCountdown busy = new BusyCountdown();
  private int status;
  private int pending;
  private int control;

  SectorController(FlashArray array, SectorOptionBytes options) {
    this.array = array;
    this.options = options;
    this.dualBank = array.layout().bankCount() == 2;
  }

  int read(int offset) {
    return switch (offset) {
      case SR -> status();
      case CR -> control | (keys.unlocked() ? 0 : LOCK);
      case OPTCR -> options.optcr();
      case OPTCR1 -> options.optcr1();
      default -> 0;
    };
  }

  void write(long busAddress, int offset, int value) {
    switch (offset) {
      case KEYR -> keys.write(busAddress, value);
      case SR -> status &= ~(value & CLEARABLE);
      case CR -> control(busAddress, value);
      case OPTKEYR -> options.key(busAddress, value);
      case OPTCR -> {
        if (options.writeOptcr(value)) {
          options.start();
          complete(EOP, false);
        }
      }
      case OPTCR1 -> options.writeOptcr1(value);
      default -> { }
    }
  }

  void program(long at, int size, int value) {
    int psizeBytes = 1 << ((control >> 8) & 3);
    if (!keys.unlocked() || (control & PG) == 0) {
      complete(PGSERR, true);
    } else if (size != psizeBytes || psizeBytes == 8) {
      complete(PGPERR, true);
    } else if (array.writeProtected(array.unitAt(at))) {
      complete(WRPERR, true);
    } else {
      array.set(at, size, array.get(at, size) & value);
      complete(EOP, false);
    }
  }

  void holdBusy() {
    busy.holdNext();
  }

  void reset() {
    keys.reset();
    options.reset();
    busy.reset();
    status = 0;
    pending = 0;
    control = 0;
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
    control = value & STORED;
    if ((value & LOCK) != 0) {
      keys.lock();
    } else if ((value & STRT) != 0 && (value & SER) != 0) {
      erase(List.of(sector(busAddress, (value >> 3) & 0x1F)));
    } else if ((value & STRT) != 0 && (value & (MER | MER1)) != 0) {
      erase(array.layout().units().stream().filter(u -> massErased(value, u.bank())).toList());
    }
  }

  private static boolean massErased(int control, int bank) {
    return bank == 1 ? (control & MER) != 0 : (control & MER1) != 0;
  }

  private EraseUnit sector(long busAddress, int snb) {
    int bank = dualBank && (snb & 0x10) != 0 ? 2 : 1;
    int inBank = dualBank ? snb & 0x0F : snb;
    List<EraseUnit> sectors =
        array.layout().units().stream().filter(u -> u.bank() == bank).toList();
    if (inBank >= sectors.size()) {
      throw new BusFault(busAddress, "STRT with SNB 0x" + Integer.toHexString(snb)
          + ", which names no sector of this flash");
    }
    return sectors.get(inBank);
  }

  private void erase(List<EraseUnit> sectors) {
    if (sectors.stream().anyMatch(array::writeProtected)) {
      complete(WRPERR, true);
      return;
    }
    sectors.forEach(array::erase);
    complete(EOP, false);
  }

  /** An operation started: its flags show once BSY has cleared. */
  private void complete(int flag, boolean error) {
    status |= pending;
    if (error) {
      pending = flag | ((control & ERRIE) != 0 ? OPERR : 0);
    } else {
      pending = (control & EOPIE) != 0 ? EOP : 0;
    }
    busy.start();
  }
}
