package org.romflash.image;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The firmware file formats romflash reads, so that a caller can name one instead of trusting
 * detection, and so that output files get the format their extension promises. ELF is read only.
 */
public enum ImageFormat {
  /** Intel HEX: ':' records, sparse, with a start address. */
  HEX,
  /** Motorola S-records: 'S' records, sparse, with a start address. */
  SREC,
  /** ELF32 little-endian ARM executable: its loadable segments at their load addresses. */
  ELF,
  /** Raw bytes placed at a base address given by the caller. */
  BIN;

  /**
   * The format {@code content} is in: ELF by its magic number, HEX when the first non-blank
   * character is ':', S-records when it is 'S' followed by a digit, otherwise binary.
   */
  public static ImageFormat of(byte[] content) {
    if (content.length >= 4 && content[0] == 0x7F && content[1] == 'E' && content[2] == 'L'
        && content[3] == 'F') {
      return ELF;
    }
    for (int i = 0; i < content.length; i++) {
      byte b = content[i];
      if (b == ':') {
        return HEX;
      }
      if (b == 'S') {
        return i + 1 < content.length && content[i + 1] >= '0' && content[i + 1] <= '9' ? SREC : BIN;
      }
      if (!Character.isWhitespace(b)) {
        return BIN;
      }
    }
    return BIN;
  }

  /** The format an output file's extension asks for, or null when romflash does not know it. */
  static ImageFormat ofExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (name.contains(".") ? extension : "") {
      case "hex", "ihex" -> HEX;
      case "srec", "s19", "s28", "s37", "mot" -> SREC;
      case "bin" -> BIN;
      case "elf" -> ELF;
      default -> null;
    };
  }
}
