package org.romflash.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.romflash.device.Device;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;
import org.romflash.image.ImageFormatException;
import org.romflash.image.ImageFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An image file argument, its format, and the base address for raw binaries. */
final class ImageOptions {
  @Parameters(index = "0", paramLabel = "FILE",
      description = "Firmware: Intel HEX, Motorola S-record, ELF (loaded at the segments' load"
          + " addresses) or raw binary, told apart by content.")
  Path file;

  @Option(names = "--format", paramLabel = "hex|srec|elf|bin",
      description = "Read FILE as this format instead of guessing from its content.")
  ImageFormat format;

  @Option(names = {"-a", "--address"}, paramLabel = "ADDR", converter = Numbers.class,
      description = "Where a raw binary goes (default: start of flash). Ignored for the other"
          + " formats, which carry their addresses.")
  Long address;

  FirmwareImage read(Device device) throws IOException {
    return read(device.flash().base());
  }

  /** Reads the file; a raw binary goes to {@code --address}, else to {@code flashBase}. */
  FirmwareImage read(long flashBase) throws IOException {
    FirmwareImage image = ImageFiles.read(file, format, address != null ? address : flashBase);
    if (image.isEmpty()) {
      throw new ImageFormatException(file.toString(), 0, "holds no data to write");
    }
    return image;
  }
}
