package org.romflash.cli;

import java.nio.file.Path;
import org.romflash.flash.Crc32Stm32;
import org.romflash.flash.Verifier;
import org.romflash.flash.VerifyFailedException;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;
import org.romflash.image.ImageFormat;
import org.romflash.image.Segment;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code romflash crc}: the STM32 CRC-32 of chip memory, by Get Checksum (0xA1) when the bootloader
 * offers it, else by reading the memory back; compared with a file when one is given.
 */
@CommandLine.Command(name = "crc", mixinStandardHelpOptions = true,
    description = {"Print the CRC-32 (STM32 CRC unit: polynomial 0x04C11DB7, initial 0xFFFFFFFF,"
        + " 32-bit words) of a memory range, or of each part of FILE as the chip holds it and as"
        + " the file has it. Exits 5 when they differ.",
        "Uses Get Checksum when the chip offers it, else reads the memory back."})
final class CrcCommand extends SessionCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "Compare with this firmware file (any format write takes).")
  Path file;

  @Option(names = {"-a", "--address"}, paramLabel = "ADDR", converter = Numbers.class,
      description = "First address (default: start of flash; a binary FILE goes here).")
  Long address;

  @Option(names = {"-n", "--length"}, paramLabel = "BYTES", converter = Numbers.class,
      description = "How many bytes, a multiple of 4 (default: the whole flash).")
  Long length;

  @Option(names = "--format", paramLabel = "hex|srec|elf|bin",
      description = "Read FILE as this format instead of guessing from its content.")
  ImageFormat format;

  @Override
  ExitCode run(Session session) throws Exception {
    long base = address != null ? address : session.device().flash().base();
    if (file == null) {
      long count = length != null ? length : session.device().flash().size();
      int crc = chipCrc(session, base, count);
      say(line(base, count, crc, null));
      report.result().withArray("ranges").addObject().put("address", base).put("length", count)
          .put("chip_crc", Integer.toUnsignedLong(crc));
      return ExitCode.OK;
    }
    FirmwareImage image = ImageFiles.read(file, format, base);
    VerifyResult.Mismatch first = null;
    for (Segment s : image.segments()) {
      byte[] padded = paddedToWords(s);
      int expected = Crc32Stm32.of(padded);
      int actual = chipCrc(session, s.address(), padded.length);
      if (expected != actual && first == null) {
        first = new VerifyResult.Mismatch(VerifyMode.CRC, s.address(),
            Integer.toUnsignedLong(expected), Integer.toUnsignedLong(actual));
      }
      say(line(s.address(), padded.length, actual, expected));
      report.result().withArray("ranges").addObject().put("address", s.address())
          .put("length", padded.length).put("chip_crc", Integer.toUnsignedLong(actual))
          .put("file_crc", Integer.toUnsignedLong(expected)).put("same", expected == actual);
    }
    if (first != null) {
      throw new VerifyFailedException(first);
    }
    return ExitCode.OK;
  }

  private int chipCrc(Session session, long from, long count) {
    if ((from & 3) != 0 || count <= 0 || (count & 3) != 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), String.format(
          "the CRC covers whole 32-bit words: 0x%08X+%d must start on a multiple of 4 and be a"
              + " multiple of 4 long", from, count));
    }
    return Verifier.chipCrc(session.flash(), from, count, progress());
  }

  /** The segment, widened to whole words with 0xFF as the chip's flash would hold it. */
  private static byte[] paddedToWords(Segment s) {
    byte[] data = s.data();
    byte[] padded = java.util.Arrays.copyOf(data, (data.length + 3) & ~3);
    java.util.Arrays.fill(padded, data.length, padded.length, (byte) 0xFF);
    return padded;
  }

  private static String line(long from, long count, int chip, Integer file) {
    String text = String.format("0x%08X-0x%08X  chip 0x%08X", from, from + count - 1, chip);
    if (file != null) {
      text += String.format("  file 0x%08X  %s", file, file == chip ? "same" : "DIFFERENT");
    }
    return text;
  }
}
