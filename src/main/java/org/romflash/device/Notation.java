package org.romflash.device;

import java.util.Locale;

/**
 * The number notation of device files and the command line: decimal, {@code 0x} hex, or with a
 * {@code K} or {@code M} suffix ({@code 128K}), underscores allowed as separators.
 */
public final class Notation {
  private Notation() {}

  /**
   * Parses {@code raw}.
   *
   * @throws NumberFormatException when it is none of the accepted forms
   */
  public static long parse(String raw) {
    String text = raw.trim().toUpperCase(Locale.ROOT).replace("_", "");
    long scale = 1;
    if (text.endsWith("K")) {
      scale = 1024;
      text = text.substring(0, text.length() - 1);
    } else if (text.endsWith("M")) {
      scale = 1024 * 1024;
      text = text.substring(0, text.length() - 1);
    }
    long value = text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
        : Long.parseLong(text);
    return Math.multiplyExact(value, scale);
  }
}
