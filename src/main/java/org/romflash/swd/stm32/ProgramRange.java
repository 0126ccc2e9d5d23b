package org.romflash.swd.stm32;

import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;

/** Checks a {@link FlashDriver#program} request against the device's flash before any access. */
final class ProgramRange {
  private ProgramRange() {}

  /**
   * The bank (from 1) that {@code [address, address + length)} lies in.
   *
   * @throws IllegalArgumentException when the range is unaligned, not whole program units, outside
   *     the flash or across two banks
   */
  static int bankOf(Device device, long address, int length, int unit) {
    if (address % unit != 0 || length % unit != 0) {
      throw new IllegalArgumentException(String.format(
          "programming %d bytes at 0x%08X: address and length must be multiples of %d", length,
          address, unit));
    }
    if (length == 0 || !device.flash().contains(address, length)) {
      throw new IllegalArgumentException(String.format(
          "programming %d bytes at 0x%08X: not inside the flash of %s (%s)", length, address,
          device.name(), device.flashRegion()));
    }
    List<EraseUnit> units = device.flash().unitsCovering(address, length);
    int bank = units.get(0).bank();
    if (units.get(units.size() - 1).bank() != bank) {
      throw new IllegalArgumentException(String.format(
          "programming %d bytes at 0x%08X: the range spans two banks; program each bank apart",
          length, address));
    }
    return bank;
  }
}
