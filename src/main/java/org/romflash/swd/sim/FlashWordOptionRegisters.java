package org.romflash.swd.sim;

import java.util.List;
import java.util.TreeMap;
import org.romflash.device.EraseUnit;

/**
 * The option registers of a simulated H7 flash controller (RM0433 4.4 and 4.9; RM0468 and RM0455
 * keep the offsets): FLASH_OPTKEYR (0x08), FLASH_OPTCR (0x18: OPTLOCK bit 0, OPTSTART bit 1),
 * FLASH_OPTSR_CUR/PRG (0x1C/0x20: OPT_BUSY bit 0, RDP bits 15:8, OPTCHANGEERR bit 30), FLASH_OPTCCR
 * (0x24: CLR_OPTCHANGEERR bit 30), and the _CUR/_PRG pairs of PRAR (0x28), SCAR (0x30), WPSN (0x38)
 * and BOOT (0x40), with bank 2's PRAR, SCAR and WPSN at +0x100 on dual-bank parts. The _PRG
 * registers take writes only while OPTLOCK is clear; OPTSTART copies them into the _CUR ones, which
 * is when they take effect (the H7 needs no reset to load them), mass-erasing the flash first when
 * read protection goes from level 1 to 0 (RM0433 4.5), and shows OPT_BUSY for a few OPTSR_CUR
 * reads. A reset copies the _CUR values back into the _PRG registers. A wrong option key locks until
 * reset without a bus error, as the bank keys do in this model.
 *
 * <p>Values are the model's: OPTSR 0x1BC6AAF0 at the factory (RDP 0xAA), no PCROP or secure area
 * (start 0xFF above end 0), BOOT_ADD0 0x0800 and BOOT_ADD1 0x1FF0, every sector unprotected; WPSN
 * has a bit per sector on parts with 8 per bank and a bit per group of sectors beyond 32 (RM0455's
 * groups of 4); its other bits read 0. The other registers keep every bit but OPTSR's status bits.
 * Aliases of the registers at +0x100, CRCs and the OTP/keys of H7 security are not modelled.
 */
final class FlashWordOptionRegisters {
  static final int OPTLOCK = 1;
  static final int OPTSTART = 1 << 1;
  static final int OPT_BUSY = 1;
  static final int OPTCHANGEERR = 1 << 30;
  private static final int OPTSR = 0x1C;
  private static final int WPSN = 0x38;

  private final List<List<EraseUnit>> banks;
  private final FlashArray array;
  private final Runnable massErase;
  private final int wpsnMask;
  private final int sectorsPerBit;
  private final TreeMap<Integer, Integer> current = new TreeMap<>();
  private final TreeMap<Integer, Integer> programmed = new TreeMap<>();
  private final KeySequence keys = KeySequence.optionLock();
  private final OperationTimer busy;
  private boolean changeError;
  private boolean failNextChange;

  /** @param banks each bank's sectors; @param massErase erases every bank (level 1 to 0) */
  FlashWordOptionRegisters(List<List<EraseUnit>> banks, FlashArray array, Runnable massErase,
      int busyReads) {
    this.banks = List.copyOf(banks);
    this.array = array;
    this.massErase = massErase;
    this.busy = new OperationTimer(busyReads);
    int sectors = banks.get(0).size();
    this.sectorsPerBit = Math.max(1, sectors / 32);
    this.wpsnMask = sectors / sectorsPerBit >= 32 ? -1 : (1 << sectors / sectorsPerBit) - 1;
    current.put(OPTSR, 0x1BC6AAF0);
    current.put(0x40, 0x1FF00800);
    for (int bank = 0; bank < banks.size(); bank++) {
      current.put(0x28 + 0x100 * bank, 0xFF);
      current.put(0x30 + 0x100 * bank, 0xFF);
      current.put(WPSN + 0x100 * bank, wpsnMask);
    }
    reset();
  }

  /** Whether {@code offset} (from 0x52002000) is one of these registers. */
  boolean handles(int offset) {
    return offset == 0x08 || offset == 0x18 || offset == 0x24 || current.containsKey(offset)
        || current.containsKey(offset - 4);
  }

  int read(int offset) {
    if (offset == 0x18) {
      return keys.locked() ? OPTLOCK : 0;
    }
    if (offset == OPTSR) {
      busy.tick();
      return current.get(OPTSR) | (busy.running() ? OPT_BUSY : 0)
          | (changeError ? OPTCHANGEERR : 0);
    }
    return current.getOrDefault(offset, programmed.getOrDefault(offset - 4, 0));
  }

  void write(int offset, int value) {
    if (offset == 0x08) {
      keys.key(value);
    } else if (offset == 0x24 && (value & OPTCHANGEERR) != 0) {
      changeError = false;
    } else if (offset == 0x18 && !keys.locked()) {
      if ((value & OPTLOCK) != 0) {
        keys.lock();
      } else if ((value & OPTSTART) != 0 && !busy.running()) {
        change();
      }
    } else if (programmed.containsKey(offset - 4) && !keys.locked()) {
      int register = offset - 4;
      programmed.put(register, register == OPTSR ? value & ~(OPT_BUSY | OPTCHANGEERR)
          : register % 0x100 == WPSN ? value & wpsnMask : value);
    }
  }

  /** The read-protection level in force: 0 for RDP 0xAA, 2 for 0xCC, 1 for any other. */
  int level() {
    int rdp = current.get(OPTSR) >>> 8 & 0xFF;
    return rdp == 0xAA ? 0 : rdp == 0xCC ? 2 : 1;
  }

  void failNextChange() {
    failNextChange = true;
  }

  void hangNextChange() {
    busy.hangNext();
  }

  void reset() {
    keys.reset();
    busy.reset();
    changeError = false;
    programmed.clear();
    programmed.putAll(current);
  }

  private void change() {
    busy.start();
    if (failNextChange) {
      failNextChange = false;
      changeError = true;
      return;
    }
    int before = level();
    current.putAll(programmed);
    if (before == 1 && level() == 0) {
      massErase.run();
    }
    for (int bank = 0; bank < banks.size(); bank++) {
      int wpsn = current.get(WPSN + 0x100 * bank);
      List<EraseUnit> sectors = banks.get(bank);
      for (int index = 0; index < sectors.size(); index++) {
        boolean open = (wpsn >>> index / sectorsPerBit & 1) != 0;
        array.setWriteProtected(sectors.get(index).number(), !open);
      }
    }
  }
}
