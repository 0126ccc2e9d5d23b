package org.romflash.flash;

import java.util.ArrayList;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.FlashLayout;
import org.romflash.device.MemoryRegion;
import org.romflash.image.FirmwareImage;
import org.romflash.image.Segment;

/** Decides, before anything is erased, whether an image fits a device, and where each part goes. */
public final class ImageCheck {
  private ImageCheck() {}

  /** Where a segment of the image lands. Only flash is erased first. */
  public enum Destination { FLASH, RAM, EEPROM }

  /**
   * The destination of every segment, in order.
   *
   * @param device the chip, with the flash its flash-size register reports
   * @throws ImageDoesNotFitException naming the first offending range and the device's map
   */
  public static List<Destination> check(FirmwareImage image, Device device) {
    List<Destination> destinations = new ArrayList<>();
    for (Segment s : image.segments()) {
      destinations.add(destination(s, device));
    }
    return destinations;
  }

  private static Destination destination(Segment s, Device device) {
    FlashLayout flash = device.flash();
    MemoryRegion reserved = device.bootloader().reservedRam();
    if (flash.contains(s.address(), s.length())) {
      return Destination.FLASH;
    }
    if (device.optionBytes().overlaps(s.address(), s.length())) {
      throw new ImageDoesNotFitException(s.address(), s.end(), "lies in the option bytes, which"
          + " are never written from an image", memoryMap(device), true);
    }
    if (device.otp().filter(o -> o.overlaps(s.address(), s.length())).isPresent()) {
      throw refuse(s, "lies in the one-time-programmable area, which is never written from an"
          + " image", device);
    }
    if (reserved.overlaps(s.address(), s.length())) {
      throw refuse(s, "overlaps the RAM the bootloader reserves for itself (" + reserved + ")",
          device);
    }
    if (device.ramRegions().stream().anyMatch(r -> r.contains(s.address(), s.length()))) {
      return Destination.RAM;
    }
    if (device.eeprom().filter(e -> e.contains(s.address(), s.length())).isPresent()) {
      return Destination.EEPROM;
    }
    if (!flash.unitsCovering(s.address(), s.length()).isEmpty()) {
      long outside = firstOutside(flash, s);
      throw refuse(s, String.format("runs past the end of the %d KiB flash (%d bytes from"
          + " 0x%08X on are not flash)", flash.size() / 1024, s.end() - outside, outside), device);
    }
    throw refuse(s, "is outside the device's flash and RAM", device);
  }

  private static long firstOutside(FlashLayout flash, Segment s) {
    long address = s.address();
    while (flash.unitAt(address).isPresent()) {
      address = flash.unitAt(address).get().end();
    }
    return address;
  }

  private static ImageDoesNotFitException refuse(Segment s, String why, Device device) {
    return new ImageDoesNotFitException(s.address(), s.end(), why, memoryMap(device), false);
  }

  /** The device's map as lines, for error messages. */
  public static String memoryMap(Device device) {
    List<String> lines = new ArrayList<>();
    lines.add("STM32" + device.name() + " (" + device.pidText() + ") memory map:");
    lines.add(String.format("  flash           %s  (%d KiB)", device.flashRegion(),
        device.flash().size() / 1024));
    device.ramRegions().forEach(r -> lines.add("  RAM             " + r));
    lines.add("  bootloader RAM  " + device.bootloader().reservedRam() + "  (reserved)");
    device.eeprom().ifPresent(e -> lines.add("  data EEPROM     " + e));
    lines.add("  option bytes    " + device.optionBytes());
    device.otp().ifPresent(o -> lines.add("  OTP             " + o));
    return String.join(System.lineSeparator(), lines);
  }
}
