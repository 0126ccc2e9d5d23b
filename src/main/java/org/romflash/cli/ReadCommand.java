package org.romflash.cli;

import java.nio.file.Path;
import org.romflash.flash.ReadBack;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;
import org.romflash.image.ImageFormat;
import org.romflash.image.ImageFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code romflash read}: copies memory from the chip to a file. */
@CommandLine.Command(name = "read", mixinStandardHelpOptions = true,
    description = "Read memory into a file: Intel HEX (.hex), S-record (.srec, .s19, .s28, .s37,"
        + " .mot) or raw binary (.bin), by the file name or --format.")
final class ReadCommand extends SessionCommand {
  @Option(names = {"-a", "--address"}, paramLabel = "ADDR", converter = Numbers.class,
      description = "First address (default: start of flash).")
  Long address;

  @Option(names = {"-n", "--length"}, paramLabel = "BYTES", converter = Numbers.class,
      description = "How many bytes (default: the whole flash from --address).")
  Long length;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
      description = "File to write (replaced only once the whole read succeeded).")
  Path output;

  @Option(names = "--format", paramLabel = "hex|srec|bin",
      description = "Write this format whatever the file name says.")
  ImageFormat format;

  @Override
  void checkArguments() {
    outputFormat();
  }

  @Override
  ExitCode run(Session session) throws Exception {
    ImageFormat chosen = outputFormat();
    long from = address != null ? address : session.device().flash().base();
    long count = length != null ? length : session.device().flashRegion().end() - from;
    if (count <= 0 || count > Integer.MAX_VALUE) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--length must be between 1 and 2 GiB; the flash ends at "
              + String.format("0x%08X", session.device().flashRegion().end()));
    }
    byte[] data = ReadBack.range(session.flash(), from, (int) count, progress());
    ImageFiles.write(output, FirmwareImage.of(from, data), chosen);
    report.result().put("file", output.toString()).put("address", from).put("length", count)
        .put("format", chosen.name().toLowerCase(java.util.Locale.ROOT));
    say(String.format("read %d bytes from 0x%08X into %s (%s)", count, from, output,
        chosen.name().toLowerCase(java.util.Locale.ROOT)));
    return ExitCode.OK;
  }

  /** Decided before anything is read, so a bad name does not cost a long read. */
  private ImageFormat outputFormat() {
    try {
      return ImageFiles.forOutput(output, format);
    } catch (ImageFormatException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
