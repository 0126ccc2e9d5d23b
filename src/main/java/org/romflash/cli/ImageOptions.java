package org.romflash.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.romflash.device.Device;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An image file argument and the base address for raw binaries. */
final class ImageOptions {
  @Parameters(index = "0", paramLabel = "FILE",
      description = "Intel HEX (recognised by content) or raw binary.")
  Path file;

  @Option(names = {"-a", "--address"}, paramLabel = "ADDR", converter = Numbers.class,
      description = "Where a raw binary goes (default: start of flash). Ignored for HEX.")
  Long address;

  FirmwareImage read(Device device) throws IOException {
    return ImageFiles.read(file, address != null ? address : device.flash().base());
  }
}
