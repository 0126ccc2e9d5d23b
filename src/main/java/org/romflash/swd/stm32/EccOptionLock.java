package org.romflash.swd.stm32;

import java.util.List;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;

/**
 * The option lock of the double-word (L4, G0, G4, WB, WL) and H7 flash controllers, opened for one
 * option change: OPTLOCK clears when OPTKEY1 0x08192A3B then OPTKEY2 0x4C5D6E7F are written to
 * FLASH_OPTKEYR. On the double-word controllers it sits behind FLASH_CR's LOCK, which the flash keys
 * open first (RM0351 3.4.2, RM0444 3.4.2, RM0453 4.4.2 "Option bytes programming"); on the H7 it is
 * a lock of its own in FLASH_OPTCR (RM0433 4.4 and the FLASH_OPTKEYR description). Keys are only
 * written to a lock found set, since a key written while unlocked is a wrong sequence, which keeps
 * the registers locked until reset (and answers with a bus error on the double-word controllers).
 */
final class EccOptionLock {
  static final int OPTKEY1 = 0x08192A3B;
  static final int OPTKEY2 = 0x4C5D6E7F;

  private final DebugMemory memory;
  private final long controlRegister;
  private final long statusRegister;
  private final long keyRegister;
  private final int lockBit;
  private final long optionKeyRegister;
  private final int optionLockBit;

  private EccOptionLock(DebugMemory memory, long controlRegister, long statusRegister,
      long keyRegister, int lockBit, long optionKeyRegister, int optionLockBit) {
    this.memory = memory;
    this.controlRegister = controlRegister;
    this.statusRegister = statusRegister;
    this.keyRegister = keyRegister;
    this.lockBit = lockBit;
    this.optionKeyRegister = optionKeyRegister;
    this.optionLockBit = optionLockBit;
  }

  /**
   * An option lock in {@code controlRegister} behind that register's own LOCK bit; {@code
   * statusRegister} is read for error messages.
   */
  static EccOptionLock behindLock(DebugMemory memory, long controlRegister, long statusRegister,
      long keyRegister, int lockBit, long optionKeyRegister, int optionLockBit) {
    return new EccOptionLock(memory, controlRegister, statusRegister, keyRegister, lockBit,
        optionKeyRegister, optionLockBit);
  }

  /** An option lock in a control register of its own. */
  static EccOptionLock alone(DebugMemory memory, long controlRegister, long statusRegister,
      long optionKeyRegister, int optionLockBit) {
    return new EccOptionLock(memory, controlRegister, statusRegister, 0, 0, optionKeyRegister,
        optionLockBit);
  }

  /** @throws FlashControllerException when a lock stays set or its keys are refused */
  void unlock() {
    if (lockBit != 0) {
      open(keyRegister, ControllerLock.KEY1, ControllerLock.KEY2, lockBit, "LOCK");
    }
    open(optionKeyRegister, OPTKEY1, OPTKEY2, optionLockBit, "OPTLOCK");
  }

  /** Sets the locks again; a failure to do so is added to {@code pending}, or thrown without. */
  void lock(RuntimeException pending) {
    try {
      memory.write32(controlRegister, lockBit | optionLockBit);
    } catch (RuntimeException e) {
      if (pending == null) {
        throw e;
      }
      pending.addSuppressed(e);
    }
  }

  /** Whether the control register reads both locks set. */
  boolean locked() {
    int control = memory.read32(controlRegister);
    return (control & (lockBit | optionLockBit)) == (lockBit | optionLockBit);
  }

  private void open(long keys, int first, int second, int bit, String name) {
    if ((memory.read32(controlRegister) & bit) == 0) {
      return;
    }
    try {
      memory.write32(keys, first);
      memory.write32(keys, second);
    } catch (DebugAccessException e) {
      FlashControllerException refused = new FlashControllerException("unlock " + name, keys,
          Integer.toUnsignedLong(memory.read32(statusRegister)), List.of(), "the keys were"
              + " refused with a bus error: an earlier wrong key sequence keeps the controller"
              + " locked until the next reset");
      refused.initCause(e);
      throw refused;
    }
    if ((memory.read32(controlRegister) & bit) != 0) {
      throw new FlashControllerException("unlock " + name, controlRegister,
          Integer.toUnsignedLong(memory.read32(statusRegister)), List.of(), name
              + " stayed set after its keys: an"
              + " earlier wrong key sequence keeps it set until the next reset");
    }
  }
}
