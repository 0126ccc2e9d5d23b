package org.romflash.cli;

import org.romflash.device.Notation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses addresses and sizes: decimal, 0x hex, or with a K/M suffix (128K). */
final class Numbers implements ITypeConverter<Long> {

  @Override
  public Long convert(String value) {
    return parse(value);
  }

  static long parse(String raw) {
    long value;
    try {
      value = Notation.parse(raw);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new TypeConversionException("'" + raw + "' is not a number (use decimal, 0x hex, or a"
          + " K/M suffix)");
    }
    if (value < 0 || value > 0x1_0000_0000L) {
      throw new TypeConversionException("'" + raw + "' is outside the 32-bit address space");
    }
    return value;
  }
}
