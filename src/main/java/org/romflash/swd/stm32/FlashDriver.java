package org.romflash.swd.stm32;

import org.romflash.device.EraseUnit;

/**
 * One flash-controller generation programmed by register: what {@link
 * org.romflash.swd.SwdTarget} needs to erase and write. Every call leaves the controller locked
 * again (also when it throws), and throws {@link FlashControllerException} naming the address, the
 * status register's value and its flags by name when the controller reports an error or stays
 * busy past the device's timing.
 */
public interface FlashDriver {

  /**
   * Bytes programmed per operation (2 on F0/F1/F3, 1/2/4/8 by PSIZE on F2/F4/F7 (4 used), 8 on
   * L4/G0/G4/WB/WL, 32 on H7); {@link #program} takes whole multiples of it at aligned addresses.
   */
  int programUnit();

  /** Erases one page or sector. */
  void erase(EraseUnit unit);

  /** Erases all user flash (every bank). */
  void massErase();

  /**
   * Programs {@code data} at {@code address}: aligned to {@link #programUnit()}, a multiple of it
   * long, within one bank, onto erased flash.
   */
  void program(long address, byte[] data);

  /** The option bytes, where this driver can program them. */
  default java.util.Optional<OptionProgrammer> options() {
    return java.util.Optional.empty();
  }
}
