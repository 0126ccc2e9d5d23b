package org.romflash.swd.stm32;

import org.romflash.device.Device;
import org.romflash.device.OptionImage;

/**
 * What every {@link OptionProgrammer} checks before it touches the chip: the image is the option
 * area's size, and it sets read protection level 2 (which no one can undo, RM0090 "Read protection
 * (RDP)", RM0091 3.3.1) only with the user's confirmation, whatever the caller checked.
 */
final class OptionImageRules {
  private OptionImageRules() {}

  /** @throws IllegalArgumentException for a wrong length or an unconfirmed level 2 */
  static OptionImage checked(Device device, byte[] image, boolean permanentLockConfirmed) {
    long size = device.optionBytes().size();
    if (image.length != size) {
      throw new IllegalArgumentException(String.format(
          "the option bytes of %s are %d bytes (%s), not %d", device.name(), size,
          device.optionBytes(), image.length));
    }
    OptionImage parsed = new OptionImage(device.options(), image);
    if (parsed.readProtectionLevel() == 2 && !permanentLockConfirmed) {
      throw new IllegalArgumentException(device.name() + ": the option bytes set read protection"
          + " level 2, which locks the chip for good (no debugger, no bootloader, no way back);"
          + " refused without the confirmation for a permanent lock");
    }
    return parsed;
  }
}
