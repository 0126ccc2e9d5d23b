package org.romflash.flash;

import java.util.ArrayList;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;
import org.romflash.image.FirmwareImage;
import org.romflash.image.Segment;

/** Decides, before anything is erased, whether an image fits a device, and where each part goes. */
public final class ImageCheck {
  private ImageCheck() {}

  /** Where a segment of the image lands. */
  public enum Destination { FLASH, RAM }

  /**
   * The destination of every segment, in order.
   *
   * @throws ImageDoesNotFitException naming the first offending range and the device's map
   */
  public static List<Destination> check(FirmwareImage image, Device device) {
    List<Destination> destinations = new ArrayList<>();
    MemoryRegion flash = device.flashRegion();
    MemoryRegion reserved = device.bootloader().reservedRam();
    for (Segment s : image.segments()) {
      if (flash.contains(s.address(), s.length())) {
        destinations.add(Destination.FLASH);
      } else if (device.optionBytes().overlaps(s.address(), s.length())) {
        throw refuse(s, "lies in the option bytes, which are written only when asked for", device);
      } else if (reserved.overlaps(s.address(), s.length())) {
        throw refuse(s, "overlaps the RAM the bootloader reserves for itself (" + reserved + ")",
            device);
      } else if (device.ram().contains(s.address(), s.length())) {
        destinations.add(Destination.RAM);
      } else if (flash.overlaps(s.address(), s.length())) {
        throw refuse(s, String.format("runs past the end of the %d KiB flash (image is %d bytes"
            + " beyond it)", flash.size() / 1024, s.end() - flash.end()), device);
      } else {
        throw refuse(s, "is outside the device's flash and RAM", device);
      }
    }
    return destinations;
  }

  private static ImageDoesNotFitException refuse(Segment s, String why, Device device) {
    return new ImageDoesNotFitException(s.address(), s.end(), why, memoryMap(device));
  }

  /** The device's map as lines, for error messages. */
  public static String memoryMap(Device device) {
    return String.join(System.lineSeparator(),
        "STM32" + device.name() + " (" + device.pidText() + ") memory map:",
        "  flash           " + device.flashRegion() + "  (" + device.flash().size() / 1024 + " KiB)",
        "  RAM             " + device.ram(),
        "  bootloader RAM  " + device.bootloader().reservedRam() + "  (reserved)",
        "  option bytes    " + device.optionBytes());
  }
}
