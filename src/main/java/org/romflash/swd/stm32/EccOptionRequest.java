package org.romflash.swd.stm32;

import java.time.Duration;
import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;
import org.romflash.device.OptionImage;

/**
 * An option image checked before the chip is touched: as long as the device entry's option area,
 * and setting read protection level 2 only with the user's confirmation ({@link
 * OptionProgrammer#program}). Level 2 (RDP 0xCC) disables the debug port and cannot be undone
 * (RM0351 3.5.1, RM0433 4.5), so it is refused here whatever the caller checked.
 */
final class EccOptionRequest {
  /** An option change without a mass erase rewrites the option page: about 4 KiB erased. */
  private static final int OPTION_PAGE_KIB = 4;

  private final Device device;
  private final byte[] bytes;
  private final int level;

  private EccOptionRequest(Device device, byte[] bytes, int level) {
    this.device = device;
    this.bytes = bytes;
    this.level = level;
  }

  /**
   * @throws IllegalArgumentException for a wrong length or an unconfirmed level 2 ({@link
   *     OptionImageRules}, the one place every option programmer checks them)
   */
  static EccOptionRequest check(Device device, byte[] image, boolean permanentLockConfirmed) {
    int level = OptionImageRules.checked(device, image, permanentLockConfirmed)
        .readProtectionLevel();
    return new EccOptionRequest(device, image.clone(), level);
  }

  MemoryRegion area() {
    return device.optionBytes();
  }

  /** Whether the image sets read protection level 2. */
  boolean permanent() {
    return level == 2;
  }

  /**
   * The typical time of the change from the option area {@code current}: a mass erase when it
   * takes read protection from level 1 to 0 (the chip erases the flash first), else the erase of
   * an option page (an estimate: the manuals give no figure).
   */
  Duration changeTime(byte[] current) {
    boolean regression = level == 0
        && new OptionImage(device.options(), current).readProtectionLevel() == 1;
    return regression ? device.timing().massErase()
        : device.timing().erasePerKiB().multipliedBy(OPTION_PAGE_KIB);
  }

  /** Whether the image has a whole 32-bit word at {@code offset} from the area's start. */
  boolean hasWord(int offset) {
    return offset + 4 <= bytes.length;
  }

  /** The little-endian 32-bit word at {@code offset} from the area's start. */
  int word(int offset) {
    return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8
        | (bytes[offset + 2] & 0xFF) << 16 | (bytes[offset + 3] & 0xFF) << 24;
  }
}
