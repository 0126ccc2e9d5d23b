package org.romflash.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Opens and saves firmware files, so that callers deal in {@link FirmwareImage}s and
 * {@link ImageFormat}s and never in records. Reads choose the format from the content unless told;
 * writes choose it from the extension unless told, and never leave half a file behind.
 */
public final class ImageFiles {
  private ImageFiles() {}

  /** Reads {@code file} in the format its content shows; raw binary goes at {@code binaryBase}. */
  public static FirmwareImage read(Path file, long binaryBase) throws IOException {
    return read(file, null, binaryBase);
  }

  /**
   * Reads {@code file} as {@code formatOrNull}, or in the format its content shows when null (see
   * {@link ImageFormat}). A binary file is placed at {@code binaryBase}.
   *
   * @throws ImageFormatException naming the file, the line or record, and the fault
   */
  public static FirmwareImage read(Path file, ImageFormat formatOrNull, long binaryBase)
      throws IOException {
    byte[] content = Files.readAllBytes(file);
    String name = file.toString();
    if (content.length == 0) {
      throw new ImageFormatException(name, 0, "the file is empty");
    }
    ImageFormat format = formatOrNull != null ? formatOrNull : ImageFormat.of(content);
    return switch (format) {
      case HEX -> IntelHex.parse(name, lines(content));
      case SREC -> SRecord.parse(name, lines(content));
      case ELF -> ElfImage.parse(name, content);
      case BIN -> FirmwareImage.of(binaryBase, content);
    };
  }

  private static List<String> lines(byte[] content) {
    return new String(content, StandardCharsets.US_ASCII).lines().toList();
  }

  /**
   * The format to write {@code file} in: {@code overrideOrNull} if given, else the one its
   * extension names ({@code .hex .ihex}, {@code .srec .s19 .s28 .s37 .mot}, {@code .bin}).
   *
   * @throws ImageFormatException for an extension romflash does not know, or ELF (not writable)
   */
  public static ImageFormat forOutput(Path file, ImageFormat overrideOrNull) {
    ImageFormat format = overrideOrNull != null ? overrideOrNull : ImageFormat.ofExtension(file);
    if (format == null) {
      throw new ImageFormatException(file.toString(), 0, "cannot tell the output format from the"
          + " file name: end it in .hex, .srec (or .s19, .s28, .s37, .mot) or .bin, or name the"
          + " format");
    }
    if (format == ImageFormat.ELF) {
      throw new ImageFormatException(file.toString(), 0, "romflash does not write ELF files:"
          + " write .hex or .srec (they keep gaps and the start address) or .bin");
    }
    return format;
  }

  /**
   * Writes {@code image} to {@code file} as HEX, S-records or binary, through a temporary file in
   * the same directory that is moved into place, so a failed write leaves the old file (or none).
   * A binary file holds one run of bytes and no start address: an image with gaps is refused
   * rather than padded with a fill byte the chip would then be programmed with.
   *
   * @throws ImageFormatException for ELF, or for binary when the image is empty or has gaps
   */
  public static void write(Path file, FirmwareImage image, ImageFormat format) throws IOException {
    byte[] content = switch (forOutput(file, format)) {
      case HEX -> text(IntelHexWriter.lines(image));
      case SREC -> text(SRecordWriter.lines(image));
      case BIN -> binary(file, image);
      case ELF -> throw new AssertionError("forOutput refuses ELF");
    };
    Path target = file.toAbsolutePath();
    Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.write(temporary, content);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static byte[] text(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] binary(Path file, FirmwareImage image) {
    List<Segment> segments = image.segments();
    if (segments.isEmpty()) {
      throw new ImageFormatException(file.toString(), 0, "the image is empty: nothing to write");
    }
    if (segments.size() > 1) {
      Segment first = segments.get(0);
      throw new ImageFormatException(file.toString(), 0, String.format("a binary file cannot hold"
          + " the gap at 0x%08X-0x%08X (the image has %d separate parts): write .hex or .srec"
          + " instead", first.end(), segments.get(1).address() - 1, segments.size()));
    }
    return segments.get(0).data();
  }
}
