package org.romflash.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses addresses and sizes: decimal, 0x hex, or with a K/M suffix (128K). */
final class Numbers implements ITypeConverter<Long> {

  @Override
  public Long convert(String value) {
    return parse(value);
  }

  static long parse(String raw) {
    String text = raw.trim().toUpperCase(Locale.ROOT).replace("_", "");
    long scale = 1;
    if (text.endsWith("K")) {
      scale = 1024;
      text = text.substring(0, text.length() - 1);
    } else if (text.endsWith("M")) {
      scale = 1024 * 1024;
      text = text.substring(0, text.length() - 1);
    }
    try {
      long value = text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
          : Long.parseLong(text);
      if (value < 0 || value * scale > 0xFFFF_FFFFL + 1) {
        throw new TypeConversionException("'" + raw + "' is outside the 32-bit address space");
      }
      return value * scale;
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + raw + "' is not a number (use decimal, 0x hex, or a"
          + " K/M suffix)");
    }
  }
}
