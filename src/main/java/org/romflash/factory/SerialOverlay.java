package org.romflash.factory;

import org.romflash.device.Device;
import org.romflash.image.FirmwareImage;
import org.romflash.image.Segment;

/**
 * Puts a unit's serial number into the image, so that it is erased, written and verified with the
 * rest in one pass. The serial must lie in flash and must not overlap the image's own data.
 */
final class SerialOverlay {
  private SerialOverlay() {}

  /** @throws SerialUnavailableException when the serial cannot go at {@code address} */
  static FirmwareImage onto(FirmwareImage image, Device device, long address,
      SerialNumber serial) {
    byte[] bytes = serial.bytes();
    if (!device.flash().contains(address, bytes.length)) {
      throw new SerialUnavailableException(String.format("serial %s (%d bytes) at 0x%08X is not"
          + " inside STM32%s's flash (0x%08X-0x%08X)", serial.text(), bytes.length, address,
          device.name(), device.flash().base(), device.flash().base() + device.flash().size() - 1));
    }
    FirmwareImage.Builder merged = FirmwareImage.builder();
    image.startAddress().ifPresent(merged::startAddress);
    for (Segment s : image.segments()) {
      merged.add(s.address(), s.data());
    }
    merged.add(address, bytes);
    try {
      return merged.build();
    } catch (FirmwareImage.OverlapException e) {
      throw new SerialUnavailableException(String.format("serial %s at 0x%08X-0x%08X overlaps the"
          + " image's own data at 0x%08X", serial.text(), address, address + bytes.length - 1,
          e.from()));
    }
  }
}
