package org.romflash.swd.sim;

/**
 * The FLASH_KEYR unlock sequence of the F0/F1/F3 and F2/F4/F7 controllers: KEY1 0x45670123 then
 * KEY2 0xCDEF89AB unlock the control register. Any wrong value answers with a bus error and locks
 * the control register until the next reset (PM0075 and RM0091 3.2.2 "Unlocking the Flash memory",
 * RM0090 "Unlocking the Flash control register"); later key writes fault too. The manuals describe
 * keys written while locked only; this model is strict and treats a key written while unlocked as
 * a wrong sequence, so a driver that unlocks twice is caught.
 */
final class KeyedLock {
  static final int KEY1 = 0x4567_0123;
  static final int KEY2 = 0xCDEF_89AB;

  private enum State { LOCKED, FIRST_KEY_SEEN, UNLOCKED, LOCKED_UNTIL_RESET }

  private State state = State.LOCKED;

  /** @throws BusFault on a wrong key, and on every key once locked until reset */
  void write(long address, int value) {
    switch (state) {
      case LOCKED -> state = expect(address, KEY1, value, State.FIRST_KEY_SEEN);
      case FIRST_KEY_SEEN -> state = expect(address, KEY2, value, State.UNLOCKED);
      case UNLOCKED -> lockUp(address, "a key written while the controller is unlocked");
      case LOCKED_UNTIL_RESET -> throw new BusFault(address,
          "the controller is locked until reset by an earlier wrong key");
    }
  }

  boolean unlocked() {
    return state == State.UNLOCKED;
  }

  /** LOCK set in the control register: the keys are needed again. */
  void lock() {
    if (state != State.LOCKED_UNTIL_RESET) {
      state = State.LOCKED;
    }
  }

  void reset() {
    state = State.LOCKED;
  }

  private State expect(long address, int key, int value, State next) {
    if (value != key) {
      lockUp(address, String.format("0x%08X is not the key 0x%08X", value, key));
    }
    return next;
  }

  private void lockUp(long address, String why) {
    state = State.LOCKED_UNTIL_RESET;
    throw new BusFault(address, why + ": wrong key sequence, locked until reset");
  }
}
