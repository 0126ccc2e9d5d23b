package org.romflash.swd.stm32;

import java.util.List;
import org.romflash.swd.DebugMemory;

/**
 * The unlock-key protection of an STM32 flash control register: two keys written in order to the
 * key register clear LOCK; writing LOCK sets it again. Runs an operation with the register
 * unlocked and always locks it afterwards, also when the operation throws. A wrong key sequence
 * (or keys written while already unlocked) keeps the register locked until reset on every family,
 * so the keys are only written when LOCK reads set.
 */
final class KeyLock {
  static final int KEY1 = 0x45670123;
  static final int KEY2 = 0xCDEF89AB;

  private final DebugMemory memory;
  private final long keyRegister;
  private final long controlRegister;
  private final int lockMask;

  KeyLock(DebugMemory memory, long keyRegister, long controlRegister, int lockMask) {
    this.memory = memory;
    this.keyRegister = keyRegister;
    this.controlRegister = controlRegister;
    this.lockMask = lockMask;
  }

  /** Unlocks, runs {@code operation}, and locks again whatever happened. */
  void whileUnlocked(Runnable operation) {
    unlock();
    RuntimeException failure = null;
    try {
      operation.run();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      lockAfter(failure);
    }
  }

  private void unlock() {
    if (locked(memory.read32(controlRegister))) {
      memory.write32(keyRegister, KEY1);
      memory.write32(keyRegister, KEY2);
    }
    int control = memory.read32(controlRegister);
    if (locked(control)) {
      throw new FlashControllerException("unlock", controlRegister, control, List.of(),
          "LOCK stayed set after the unlock keys: an earlier wrong key sequence keeps the flash"
              + " control register locked until the next reset");
    }
  }

  private void lockAfter(RuntimeException failure) {
    try {
      memory.write32(controlRegister, lockMask);
    } catch (RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  private boolean locked(int control) {
    return (control & lockMask) != 0;
  }
}
