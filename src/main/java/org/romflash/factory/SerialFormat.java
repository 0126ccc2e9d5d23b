package org.romflash.factory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a serial number becomes bytes in flash: ASCII text from a template such as {@code SN{:08d}}
 * (one field: {@code {}} for the value as it is, {@code {:d}}, {@code {:08d}}, {@code {:x}},
 * {@code {:08X}}), the word {@code text} (the same as {@code {}}), or a little-endian integer
 * ({@code u16le}, {@code u32le}, {@code u64le}). Text is written without a terminator.
 */
public sealed interface SerialFormat {

  /** The serial for counter value {@code n}. */
  SerialNumber ofNumber(long n);

  /**
   * The serial for a value from a table (a CSV file).
   *
   * @throws IllegalArgumentException when the format needs an integer and {@code value} is not one
   */
  SerialNumber ofValue(String value);

  /** Parses {@code --serial-format}. */
  static SerialFormat parse(String spec) {
    Matcher integer = Pattern.compile("u(16|32|64)le").matcher(spec);
    if (integer.matches()) {
      return new LittleEndian(Integer.parseInt(integer.group(1)) / 8);
    }
    return Text.parse(spec.equals("text") ? "{}" : spec);
  }

  /** ASCII text made from a template with one field. */
  record Text(String prefix, String field, String suffix) implements SerialFormat {
    private static final Pattern FIELD = Pattern.compile("\\{(?::(0?)(\\d*)([dxX]))?\\}");

    static Text parse(String template) {
      Matcher m = FIELD.matcher(template);
      if (!m.find()) {
        throw new IllegalArgumentException("serial format '" + template + "' has no field: use"
            + " e.g. SN{:08d}, {} or u32le");
      }
      Text text = new Text(template.substring(0, m.start()), m.group(),
          template.substring(m.end()));
      if (m.find() || text.prefix.contains("{") || text.suffix.contains("{")
          || text.prefix.contains("}") || text.suffix.contains("}")) {
        throw new IllegalArgumentException("serial format '" + template + "' must have exactly"
            + " one field such as {:08d}");
      }
      if (!StandardCharsets.US_ASCII.newEncoder().canEncode(template)) {
        throw new IllegalArgumentException("serial format '" + template + "' must be ASCII");
      }
      return text;
    }

    @Override
    public SerialNumber ofNumber(long n) {
      Matcher m = FIELD.matcher(field);
      m.matches();
      String value = m.group(3) == null ? Long.toString(n)
          : String.format("%" + m.group(1) + m.group(2) + m.group(3), n);
      return text(prefix + value + suffix, OptionalLong.of(n));
    }

    @Override
    public SerialNumber ofValue(String value) {
      if (field.equals("{}")) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(value) || value.isEmpty()) {
          throw new IllegalArgumentException("serial '" + value + "' must be non-empty ASCII");
        }
        return text(prefix + value + suffix, OptionalLong.empty());
      }
      return ofNumber(Numbers.parse(value));
    }

    private static SerialNumber text(String text, OptionalLong number) {
      return new SerialNumber(text, number, text.getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** An unsigned integer of {@code width} bytes, least significant first. */
  record LittleEndian(int width) implements SerialFormat {
    @Override
    public SerialNumber ofNumber(long n) {
      if (n < 0 || (width < 8 && n >= 1L << (8 * width))) {
        throw new IllegalArgumentException("serial number " + n + " does not fit in " + width
            + " bytes");
      }
      byte[] all = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
      return new SerialNumber(Long.toUnsignedString(n), OptionalLong.of(n),
          java.util.Arrays.copyOf(all, width));
    }

    @Override
    public SerialNumber ofValue(String value) {
      return ofNumber(Numbers.parse(value));
    }
  }

  /** Decimal or 0x-prefixed hexadecimal integers. */
  final class Numbers {
    private Numbers() {}

    static long parse(String value) {
      try {
        String v = value.trim();
        return v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16)
            : Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("serial '" + value + "' is not an integer, which this"
            + " serial format needs");
      }
    }
  }
}
