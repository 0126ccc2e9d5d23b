package org.romflash.swd.stm32;

import java.time.Duration;
import org.romflash.swd.DebugMemory;

/**
 * The F2/F4/F7 flash controller's KEYR (0x04), SR (0x0C) and CR (0x10), and its status flags by
 * name: EOP 0, OPERR 1, WRPERR 4, PGAERR 5, PGPERR 6, PGSERR 7 (named ERSERR on the F7, RM0385
 * and RM0410 FLASH_SR), RDERR 8 (only on parts with PCROP; reserved and read as 0 elsewhere),
 * BSY 16 (RM0033, RM0090 FLASH_SR). Flags are cleared by writing 1.
 */
final class SectorRegisters {
  static final int KEYR = 0x04;
  static final int SR = 0x0C;
  static final int CR = 0x10;

  static final int EOP = 1;
  static final int OPERR = 1 << 1;
  static final int WRPERR = 1 << 4;
  static final int PGAERR = 1 << 5;
  static final int PGPERR = 1 << 6;
  static final int PGSERR = 1 << 7;
  static final int RDERR = 1 << 8;
  static final int BSY = 1 << 16;
  static final int LOCK = 1 << 31;

  private final DebugMemory memory;
  private final long base;
  private final StatusFlags errors;
  private final ControllerLock lock;

  SectorRegisters(DebugMemory memory, long base, String family) {
    this.memory = memory;
    this.base = base;
    this.errors = errorFlags(family);
    this.lock = new ControllerLock(memory, base + KEYR, base + CR, base + SR, LOCK);
  }

  /** The error flags as the family's reference manual names them. */
  static StatusFlags errorFlags(String family) {
    return new StatusFlags()
        .with(OPERR, "OPERR", "the operation failed")
        .with(WRPERR, "WRPERR", "the sector is write-protected")
        .with(PGAERR, "PGAERR", "the data crosses a 128-bit flash row")
        .with(PGPERR, "PGPERR", "the access size does not match PSIZE")
        .with(PGSERR, family.equals("STM32F7") ? "ERSERR" : "PGSERR",
            "flash was written while the control register was not set up for it")
        .with(RDERR, "RDERR", "a read of a PCROP-protected sector");
  }

  /**
   * Unlocks, waits until no operation is under way, clears flags left from earlier operations
   * (a set PGSERR or PGPERR blocks the next one), runs {@code work}, and locks again.
   */
  void run(String operation, long address, Duration typical, Runnable work) {
    lock.run(operation, address, () -> {
      awaitIdleAndClear(operation, address, typical);
      work.run();
    });
  }

  /** Waits until no operation is under way and clears the flags earlier ones left. */
  void awaitIdleAndClear(String operation, long address, Duration typical) {
    int status = BusyDeadline.awaitIdle(memory, base + SR, BSY, typical, operation, address);
    int stale = status & (EOP | errors.mask());
    if (stale != 0) {
      memory.write32(base + SR, stale);
    }
  }

  void control(int bits) {
    memory.write32(base + CR, bits);
  }

  int status() {
    return memory.read32(base + SR);
  }

  /** Waits for the operation to end and throws when it set an error flag. */
  void finish(String operation, long address, Duration typical) {
    int status = BusyDeadline.awaitIdle(memory, base + SR, BSY, typical, operation, address);
    if ((status & errors.mask()) != 0) {
      throw new FlashControllerException(operation, address, Integer.toUnsignedLong(status),
          errors.names(status), errors.meanings(status));
    }
  }
}
