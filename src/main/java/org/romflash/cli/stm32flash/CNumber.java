package org.romflash.cli.stm32flash;

/**
 * Numbers as stm32flash reads them (C's strtoul with base 0): {@code 0x} hex, a leading {@code 0}
 * octal, otherwise decimal. Unlike strtoul, trailing characters are an error rather than ignored,
 * so {@code -S 0x0800_0000} is refused instead of read as 0x800.
 */
final class CNumber {
  private CNumber() {}

  static long parse(String option, String text) {
    String digits = text.trim();
    int radix = 10;
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
      digits = digits.substring(1);
    }
    try {
      long value = Long.parseLong(digits, radix);
      if (value < 0 || value > 0xFFFF_FFFFL || digits.startsWith("+")) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new Stm32flashUsageException("option " + option + ": '" + text + "' is not a 32-bit"
          + " number (decimal, 0x hex, or 0-prefixed octal)");
    }
  }
}
