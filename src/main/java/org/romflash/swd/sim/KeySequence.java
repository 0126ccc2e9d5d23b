package org.romflash.swd.sim;

/**
 * The lock of a simulated STM32 flash control register: locked at reset, unlocked by 0x45670123
 * then 0xCDEF89AB written to the key register. Any other value, or a key written while unlocked,
 * is a wrong sequence and keeps the register locked until the next reset (RM0351 3.3.5 "Unlocking
 * the Flash memory"; RM0433's FLASH_KEYR and FLASH_CR.LOCK descriptions say the same, including
 * for a sequence written twice). What else the chip does then (a bus error on L4) is the model's.
 */
final class KeySequence {
  static final int KEY1 = 0x45670123;
  static final int KEY2 = 0xCDEF89AB;

  private boolean locked = true;
  private boolean lockedUntilReset;
  private boolean firstKeySeen;

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
    if (!lockedUntilReset && locked && !firstKeySeen && value == KEY1) {
      firstKeySeen = true;
      return true;
    }
    if (!lockedUntilReset && locked && firstKeySeen && value == KEY2) {
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
