package org.romflash.swd.sim;

import java.util.List;
import org.romflash.device.EraseUnit;
import org.romflash.device.FlashLayout;

/**
 * What FLASH_OPTKEYR and FLASH_CR's option bits do in a {@link DoubleWordModel} (RM0351 3.4.2 and
 * 3.5, RM0444 3.4.2, RM0453 4.4.2): the option keys, counted only once FLASH_CR is unlocked (a wrong
 * one is a bus error and locks the option registers until reset); OPTSTRT, which programs the
 * option registers into the option bytes and mass-erases the flash first when that takes read
 * protection from level 1 to 0; OBL_LAUNCH, which loads them under a reset of the flash interface
 * and write-protects the pages of the loaded WRP areas; and which debug accesses read protection
 * refuses. On WB and WL, OPTSTRT while CPU2 has suspended flash operations (PESD) is a bus error:
 * RM0453 4.4.2 asks to check PESD first "to limit the risk of receiving a bus error".
 */
final class DoubleWordOptionControl {
  private final DoubleWordModel controller;
  private final DoubleWordOptionStore options;
  private final FlashArray array;
  private final FlashLayout layout;
  private final long controlRegister;
  private boolean suspended;

  DoubleWordOptionControl(DoubleWordModel controller, DoubleWordOptionStore options,
      FlashArray array, long controlRegister) {
    this.controller = controller;
    this.options = options;
    this.array = array;
    this.layout = array.layout();
    this.controlRegister = controlRegister;
  }

  void suspend(boolean on) {
    suspended = on;
  }

  boolean suspended() {
    return suspended;
  }

  /** A write to FLASH_OPTKEYR while FLASH_CR is unlocked. */
  void key(long address, int value) {
    if (!options.key(value)) {
      throw new BusFault(address, String.format("wrong option key sequence (0x%08X): the option"
          + " registers stay locked until reset", value));
    }
  }

  /** A FLASH_CR write without LOCK: whether it started an option operation. */
  boolean control(int value) {
    if (options.locked()) {
      return false;
    }
    if ((value & DoubleWordModel.OBL_LAUNCH) != 0) {
      load();
      return true;
    }
    if ((value & DoubleWordModel.OPTSTRT) != 0) {
      controller.stall();
      program();
      return true;
    }
    return false;
  }

  /**
   * Faults a debug access the chip refuses: the flash at read protection level 1 (RM0351 3.5.1:
   * no access to main memory while a debugger is connected), everything at level 2 (debug off).
   */
  void debugAccess(long address) {
    int level = options.level();
    if (level == 2 || level == 1 && array.contains(address, 1)) {
      throw new BusFault(address, "read protection level " + level + (level == 2
          ? " (RDP 0xCC): debug access is disabled for good"
          : ": the flash is not accessible while a debugger is connected"));
    }
  }

  private void program() {
    if (suspended) {
      throw new BusFault(controlRegister, "OPTSTRT while CPU2 suspended flash operations (PESD)");
    }
    if (controller.errorPending()) {
      controller.raise(DoubleWordModel.PGSERR);
      return;
    }
    if (options.regresses()) {
      array.eraseAll();
    }
    options.program();
    controller.started();
  }

  private void load() {
    options.load();
    controller.reset();
    for (int bank = 1; bank <= layout.bankCount(); bank++) {
      int number = bank;
      List<EraseUnit> pages = layout.units().stream().filter(u -> u.bank() == number).toList();
      for (int index = 0; index < pages.size(); index++) {
        array.setWriteProtected(pages.get(index).number(), options.writeProtected(bank, index));
      }
    }
  }
}
