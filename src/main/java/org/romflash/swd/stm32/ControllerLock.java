package org.romflash.swd.stm32;

import java.util.List;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;

/**
 * The frame every flash operation runs in: unlock the control register with the two keys, do the
 * work, and set LOCK again whatever happened. F0/F1/F3 (PM0075, the F1 flash programming manual
 * RM0008 3.3.3 refers to, and RM0091 3.2.2: "Unlocking the Flash memory") and F2/F4/F7 (RM0090
 * "Unlocking the Flash control register", 3.5.1 in Rev 4) share the keys and the rule that a
 * wrong key sequence answers with a bus error and locks the control register until the next
 * reset. A controller found unlocked is used as it is: the keys are written only when LOCK is set.
 */
final class ControllerLock {
  static final int KEY1 = 0x4567_0123;
  static final int KEY2 = 0xCDEF_89AB;

  private final DebugMemory memory;
  private final long keyRegister;
  private final long controlRegister;
  private final long statusRegister;
  private final int lockBit;

  ControllerLock(DebugMemory memory, long keyRegister, long controlRegister, long statusRegister,
      int lockBit) {
    this.memory = memory;
    this.keyRegister = keyRegister;
    this.controlRegister = controlRegister;
    this.statusRegister = statusRegister;
    this.lockBit = lockBit;
  }

  /** {@link #run} where the failure names the control register rather than an operation. */
  void whileUnlocked(Runnable work) {
    run("unlock", controlRegister, work);
  }

  /** Unlocks, runs {@code work}, and locks again, also when unlocking or the work fails. */
  void run(String operation, long address, Runnable work) {
    RuntimeException failure = null;
    try {
      unlock(operation, address);
      work.run();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      relock(failure);
    }
  }

  private void unlock(String operation, long address) {
    if ((memory.read32(controlRegister) & lockBit) == 0) {
      return;
    }
    try {
      memory.write32(keyRegister, KEY1);
      memory.write32(keyRegister, KEY2);
    } catch (DebugAccessException e) {
      FlashControllerException refused = locked(operation, address,
          "the unlock keys were refused with a bus error (" + e.getMessage()
              + "): a wrong key sequence locks the controller until the next reset");
      refused.initCause(e);
      throw refused;
    }
    if ((memory.read32(controlRegister) & lockBit) != 0) {
      throw locked(operation, address, "the controller stayed locked after the unlock keys");
    }
  }

  private FlashControllerException locked(String operation, long address, String detail) {
    long status = Integer.toUnsignedLong(memory.read32(statusRegister));
    return new FlashControllerException(operation, address, status, List.of(), detail);
  }

  /** Writing LOCK alone also clears PG, PER/SER and MER. */
  private void relock(RuntimeException pending) {
    try {
      memory.write32(controlRegister, lockBit);
    } catch (RuntimeException e) {
      if (pending == null) {
        throw e;
      }
      pending.addSuppressed(e);
    }
  }
}
