package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.List;
import org.romflash.swd.DebugMemory;

/**
 * One register bank of the F0/F1/F3 flash program/erase controller (FPEC): KEYR, SR, CR and AR at
 * 0x04, 0x0C, 0x10 and 0x14 from its base. Bank 1 is at 0x40022000; F1 XL-density parts have a
 * second bank, for flash from 0x08080000, at +0x40 (FLASH_KEYR2, SR2, CR2, AR2; PM0075, RM0008
 * 3.3.3). Status bits as PM0075 and RM0091 3.5 (FLASH_SR) give them: BSY 0, PGERR 2, WRPRTERR 4,
 * EOP 5, each cleared by writing 1.
 */
final class FpecBank {
  static final int KEYR = 0x04;
  static final int SR = 0x0C;
  static final int CR = 0x10;
  static final int AR = 0x14;

  static final int BSY = 1;
  static final int PGERR = 1 << 2;
  static final int WRPRTERR = 1 << 4;
  static final int EOP = 1 << 5;

  static final int PG = 1;
  static final int PER = 1 << 1;
  static final int MER = 1 << 2;
  static final int STRT = 1 << 6;
  static final int LOCK = 1 << 7;

  static final StatusFlags ERRORS = new StatusFlags()
      .with(PGERR, "PGERR", "the half-word was not erased")
      .with(WRPRTERR, "WRPRTERR", "the page is write-protected");

  private final DebugMemory memory;
  private final long base;
  private final ControllerLock lock;

  FpecBank(DebugMemory memory, long base) {
    this.memory = memory;
    this.base = base;
    this.lock = new ControllerLock(memory, base + KEYR, base + CR, base + SR, LOCK);
  }

  /**
   * Unlocks this bank, waits until no operation is under way and clears flags left from earlier
   * ones (stale flags would be mistaken for this operation's), runs {@code work}, and locks again.
   */
  void run(String operation, long address, Duration typical, Runnable work) {
    lock.run(operation, address, () -> {
      int status = BusyDeadline.awaitIdle(memory, base + SR, BSY, typical, operation, address);
      int stale = status & (EOP | ERRORS.mask());
      if (stale != 0) {
        memory.write32(base + SR, stale);
      }
      work.run();
    });
  }

  void control(int bits) {
    memory.write32(base + CR, bits);
  }

  void address(long address) {
    memory.write32(base + AR, (int) address);
  }

  /**
   * Waits for the operation to end, then checks it as PM0075 says: no PGERR or WRPRTERR, and EOP
   * set; clears EOP for the next one.
   */
  void finish(String operation, long address, Duration typical) {
    int status = BusyDeadline.awaitIdle(memory, base + SR, BSY, typical, operation, address);
    if ((status & ERRORS.mask()) != 0) {
      throw new FlashControllerException(operation, address, Integer.toUnsignedLong(status),
          ERRORS.names(status), ERRORS.meanings(status));
    }
    if ((status & EOP) == 0) {
      throw new FlashControllerException(operation, address, Integer.toUnsignedLong(status),
          List.of(), "the controller went idle without setting EOP (end of operation)");
    }
    memory.write32(base + SR, EOP);
  }
}
