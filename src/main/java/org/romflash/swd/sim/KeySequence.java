package org.romflash.swd.sim;

/**
 * A simulated STM32 flash lock opened by two keys: locked at reset, unlocked by the first then the
 * second key written to the key register. Any other value, or a key written while unlocked, is a
 * wrong sequence and keeps it locked until the next reset. The control register's lock takes
 * 0x45670123 then 0xCDEF89AB (RM0351 3.3.5 "Unlocking the Flash memory"; RM0433's FLASH_KEYR and
 * FLASH_CR.LOCK); the option lock OPTLOCK takes 0x08192A3B then 0x4C5D6E7F (RM0444 3.4.2, RM0453
 * 4.4.2, RM0351 3.4.2; RM0433 4.4 and FLASH_OPTKEYR). What else the chip does then (a bus error
 * on L4) is the model's.
 */
final class KeySequence {
  static final int KEY1 = 0x45670123;
  static final int KEY2 = 0xCDEF89AB;
  static final int OPTION_KEY1 = 0x08192A3B;
  static final int OPTION_KEY2 = 0x4C5D6E7F;

  private final int key1;
  private final int key2;
  private boolean locked = true;
  private boolean lockedUntilReset;
  private boolean firstKeySeen;

  /** The flash control register's lock. */
  KeySequence() {
    this(KEY1, KEY2);
  }

  private KeySequence(int key1, int key2) {
    this.key1 = key1;
    this.key2 = key2;
  }

  /** The option registers' lock (OPTLOCK). */
  static KeySequence optionLock() {
    return new KeySequence(OPTION_KEY1, OPTION_KEY2);
  }

  /** The first key was written and the second is awaited. */
  boolean awaitingSecondKey() {
    return firstKeySeen;
  }

  /** A wrong sequence was written: no key opens it before a reset. */
  boolean lockedUntilReset() {
    return lockedUntilReset;
  }

  int key1() {
    return key1;
  }

  int key2() {
    return key2;
  }

  boolean locked() {
    return locked;
  }

  /** Writing LOCK. */
  void lock() {
    locked = true;
    firstKeySeen = false;
  }

  /**
   * A write to the key register.
   *
   * @return false when it broke the sequence (the register now stays locked until reset)
   */
  boolean key(int value) {
    if (!lockedUntilReset && locked && !firstKeySeen && value == key1) {
      firstKeySeen = true;
      return true;
    }
    if (!lockedUntilReset && locked && firstKeySeen && value == key2) {
      firstKeySeen = false;
      locked = false;
      return true;
    }
    lockedUntilReset = true;
    lock();
    return false;
  }

  void reset() {
    lockedUntilReset = false;
    lock();
  }
}
