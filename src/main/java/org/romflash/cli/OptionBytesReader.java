package org.romflash.cli;

import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;
import org.romflash.device.OptionField;
import org.romflash.device.OptionImage;

/** Reads and describes a chip's option bytes; shared by {@code option-bytes show} and {@code set}. */
final class OptionBytesReader {
  private OptionBytesReader() {}

  /** Reads the whole option-byte area (Read Memory refuses it while read protection is active). */
  static OptionImage read(Session session) {
    MemoryRegion region = session.device().optionBytes();
    org.romflash.swd.stm32.OptionProgrammer probe = session.probeOptions();
    return new OptionImage(session.device().options(), probe != null ? probe.read()
        : session.target().read(region.start(), (int) region.size()));
  }

  /** "0xA5  level 0 (no read protection)" for RDP, the plain value for other fields. */
  static String describe(Device device, OptionImage image, OptionField field) {
    long value = image.value(field);
    String text = String.format("0x%0" + Math.max(2, (field.width() + 3) / 4) + "X", value);
    if (field.name().equalsIgnoreCase("RDP")) {
      text += switch (device.options().rdpLevel((int) value)) {
        case 0 -> "  level 0 (no read protection)";
        case 1 -> "  level 1 (memory read protection)";
        default -> "  level 2 (PERMANENT: bootloader and debug disabled)";
      };
    }
    return text;
  }
}
