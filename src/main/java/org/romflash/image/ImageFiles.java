package org.romflash.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens firmware files, choosing the format from the content (a HEX file starts with ':'). */
public final class ImageFiles {
  private ImageFiles() {}

  /**
   * Reads {@code file}. Intel HEX when its first non-blank character is ':', otherwise raw binary
   * placed at {@code binaryBase}.
   */
  public static FirmwareImage read(Path file, long binaryBase) throws IOException {
    byte[] content = Files.readAllBytes(file);
    if (looksLikeHex(content)) {
      return IntelHex.parse(file.toString(),
          new String(content, StandardCharsets.US_ASCII).lines().toList());
    }
    if (content.length == 0) {
      throw new ImageFormatException(file.toString(), 0, "the file is empty");
    }
    return FirmwareImage.of(binaryBase, content);
  }

  static boolean looksLikeHex(byte[] content) {
    for (byte b : content) {
      if (b == ':') {
        return true;
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return false;
  }
}
