package org.romflash.swd.sim;

/**
 * A {@link KeySequence} on the F0/F1/F3 and F2/F4/F7 controllers, where a wrong key answers with a
 * bus error: FLASH_KEYR takes 0x45670123 then 0xCDEF89AB (PM0075 and RM0091 3.2.2 "Unlocking the
 * Flash memory", RM0090 "Unlocking the Flash control register"), and on F2/F4/F7 OPTKEYR takes
 * 0x08192A3B then 0x4C5D6E7F for OPTCR. After a wrong value the register stays locked until the
 * next reset and later key writes fault too. The manuals describe keys written while locked only;
 * this model is strict and treats a key written while unlocked as a wrong sequence, so a driver
 * that unlocks twice is caught.
 */
final class KeyedLock {
  private final KeySequence keys;
  private final String locks;
  private final String keyName;

  private KeyedLock(KeySequence keys, String locks, String keyName) {
    this.keys = keys;
    this.locks = locks;
    this.keyName = keyName;
  }

  /** The control register's lock (FLASH_KEYR). */
  KeyedLock() {
    this(new KeySequence(), "the controller", "key");
  }

  /** OPTCR's lock (FLASH_OPTKEYR) on F2/F4/F7. */
  static KeyedLock optionControl() {
    return new KeyedLock(KeySequence.optionLock(), "OPTCR", "option key");
  }

  /** @throws BusFault on a wrong key, and on every key once locked until reset */
  void write(long address, int value) {
    if (keys.lockedUntilReset()) {
      throw new BusFault(address, locks + " is locked until reset by an earlier wrong "
          + keyName);
    }
    boolean wasUnlocked = !keys.locked();
    int expected = keys.awaitingSecondKey() ? keys.key2() : keys.key1();
    if (!keys.key(value)) {
      throw new BusFault(address, (wasUnlocked ? "a " + keyName + " written while " + locks
          + " is unlocked" : String.format("0x%08X is not the %s 0x%08X", value, keyName,
          expected)) + ": wrong key sequence, " + locks + " locked until reset");
    }
  }

  boolean unlocked() {
    return !keys.locked();
  }

  /** LOCK (or OPTLOCK) set by software: the keys are needed again. */
  void lock() {
    keys.lock();
  }

  void reset() {
    keys.reset();
  }
}
