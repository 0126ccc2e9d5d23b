package org.romflash.swd.sim;

import java.util.List;
import java.util.Set;
import org.romflash.device.EraseUnit;

/**
 * One bank of a simulated H7 flash controller: its KEYR, CR, SR and CCR (at +0x04, +0x0C, +0x10,
 * +0x14 of the bank's register set), its write buffer and its sectors (RM0433 sections 4.3 and
 * 4.9). Programming fills the buffer; a complete flash word is programmed and QW (with BSY) shows
 * for a few SR reads, then EOP. Errors: a flash write without PG (or while locked) is PGSERR, a
 * write into another flash word before the buffer is complete INCERR, a byte written twice into
 * the buffer STRBERR (the buffer is dropped in both cases), a write-protected sector WRPERR, SER
 * and BER together PGSERR. The controller does not check that a flash word is erased: a second
 * programming ANDs the bits and leaves the ECC wrong, so later reads see a double ECC error
 * (DBECCERR and a bus error; the model always answers "double", whatever the bits). The RM does
 * not say what erasing a sector number that does not exist does: the model answers PGSERR.
 */
final class FlashWordBank {
  static final int LOCK = 1;
  static final int PG = 1 << 1;
  static final int SER = 1 << 2;
  static final int BER = 1 << 3;

  static final int BSY = 1;
  static final int WBNE = 1 << 1;
  static final int QW = 1 << 2;
  static final int EOP = 1 << 16;
  static final int WRPERR = 1 << 17;
  static final int PGSERR = 1 << 18;
  static final int STRBERR = 1 << 19;
  static final int INCERR = 1 << 21;
  static final int DBECCERR = 1 << 26;
  static final int CLEARABLE = 0x0FEF0000;

  private final FlashWordVariant variant;
  private final List<EraseUnit> sectors;
  private final FlashArray array;
  private final Set<Long> eccBroken;
  private final OperationTimer busy;
  private final WriteBuffer buffer;
  private final KeySequence keys = new KeySequence();
  private int control;
  private int status;

  FlashWordBank(FlashWordVariant variant, List<EraseUnit> sectors, FlashArray array,
      Set<Long> eccBroken, int busyReads) {
    this.variant = variant;
    this.sectors = List.copyOf(sectors);
    this.array = array;
    this.eccBroken = eccBroken;
    this.busy = new OperationTimer(busyReads);
    this.buffer = new WriteBuffer(variant.flashWordBytes());
    this.control = variant.resetControl();
  }

  int read(int offset) {
    return switch (offset) {
      case 0x0C -> control | (keys.locked() ? LOCK : 0);
      case 0x10 -> readStatus();
      default -> 0;
    };
  }

  void write(int offset, int value) {
    switch (offset) {
      case 0x04 -> keys.key(value);
      case 0x0C -> writeControl(value);
      case 0x14 -> status &= ~(value & CLEARABLE);
      default -> { }
    }
  }

  /** A bus write into this bank's flash. */
  void program(long address, int size, int value) {
    stall();
    if (keys.locked() || (control & PG) == 0) {
      status |= PGSERR;
      return;
    }
    switch (buffer.write(address, size, value)) {
      case PARTIAL -> { }
      case COMPLETE -> programWord(buffer.word(), buffer.data());
      case OTHER_WORD -> drop(INCERR);
      case SAME_BYTE -> drop(STRBERR);
      default -> throw new IllegalStateException();
    }
  }

  /** A read hit a flash word whose ECC no longer matches. */
  void doubleEccError() {
    status |= DBECCERR;
  }

  void hangNextOperation() {
    busy.hangNext();
  }

  void reset() {
    keys.reset();
    control = variant.resetControl();
    status = 0;
    busy.reset();
    buffer.clear();
  }

  private int readStatus() {
    if (busy.tick()) {
      status |= EOP;
    }
    return status | (busy.running() ? BSY | QW : 0) | (buffer.empty() ? 0 : WBNE);
  }

  private void writeControl(int value) {
    if (keys.locked()) {
      return;
    }
    control = value & ~(LOCK | 1 << variant.startBit());
    if ((value & LOCK) != 0) {
      keys.lock();
    } else if (variant.starts(value)) {
      stall();
      erase(value);
    }
  }

  private void erase(int value) {
    boolean sector = (value & SER) != 0;
    boolean bank = (value & BER) != 0;
    if (!sector && !bank) {
      return;
    }
    int index = variant.sector(value);
    List<EraseUnit> units = bank ? sectors
        : index < sectors.size() ? List.of(sectors.get(index)) : List.of();
    if (sector && bank || units.isEmpty()) {
      status |= PGSERR;
    } else if (units.stream().anyMatch(array::writeProtected)) {
      status |= WRPERR;
    } else {
      for (EraseUnit unit : units) {
        array.erase(unit);
        eccBroken.removeIf(word -> word >= unit.address() && word < unit.end());
      }
      busy.start();
    }
  }

  private void programWord(long word, byte[] data) {
    buffer.clear();
    if (array.writeProtected(array.unitAt(word))) {
      status |= WRPERR;
      return;
    }
    boolean zeros = true;
    for (byte b : data) {
      zeros &= b == 0;
    }
    if (!array.erased(word, data.length) && !zeros) {
      eccBroken.add(word);
    }
    for (int i = 0; i < data.length; i++) {
      array.set(word + i, 1, array.get(word + i, 1) & data[i]);
    }
    busy.start();
  }

  private void drop(int error) {
    buffer.clear();
    status |= error;
  }

  /** A bus access waits for the operation in progress (the bus stalls): it ends now. */
  private void stall() {
    if (busy.finishNow()) {
      status |= EOP;
    }
  }
}
