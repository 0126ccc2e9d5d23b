package org.romflash.swd.sim;

/**
 * The option lock of the double-word (L4, G0, G4, WB, WL) and H7 flash controllers: OPTLOCK is set
 * at reset and cleared by OPTKEY1 0x08192A3B then OPTKEY2 0x4C5D6E7F written to FLASH_OPTKEYR. Any
 * other value, or a key written while unlocked, keeps the option registers locked until the next
 * reset (RM0444 3.4.2 and RM0453 4.4.2 "Option bytes programming", RM0351 3.4.2; RM0433 4.4 and
 * its FLASH_OPTKEYR description). Whether a wrong key also answers with a bus error (it does on
 * the double-word controllers) is the model's to act on.
 */
final class EccOptionKeys {
  static final int KEY1 = 0x08192A3B;
  static final int KEY2 = 0x4C5D6E7F;

  private boolean locked = true;
  private boolean lockedUntilReset;
  private boolean firstKeySeen;

  boolean locked() {
    return locked;
  }

  /** OPTLOCK set by software (or by LOCK, on the double-word controllers). */
  void lock() {
    locked = true;
    firstKeySeen = false;
  }

  /**
   * A write to FLASH_OPTKEYR.
   *
   * @return false when it broke the sequence: the option registers stay locked until reset
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
