package org.romflash.swd.gdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The hexadecimal text the remote protocol carries numbers, addresses, register values and most
 * memory contents in: two lowercase digits per byte, numbers without leading zeros or "0x".
 */
final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** "0a1b" for bytes 0x0A 0x1B. */
  static String of(byte[] data) {
    return of(data, 0, data.length);
  }

  static String of(byte[] data, int offset, int length) {
    char[] text = new char[length * 2];
    for (int i = 0; i < length; i++) {
      int b = data[offset + i] & 0xFF;
      text[2 * i] = DIGITS[b >>> 4];
      text[2 * i + 1] = DIGITS[b & 0xF];
    }
    return new String(text);
  }

  /** The bytes of a hex string of even length; {@code what} names the field in the error. */
  static byte[] bytes(String text, String what) {
    if (text.length() % 2 != 0) {
      throw new IllegalArgumentException(what + ": odd number of hex digits in '" + text + "'");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
    for (int i = 0; i < text.length(); i += 2) {
      out.write(digit(text.charAt(i), text, what) << 4 | digit(text.charAt(i + 1), text, what));
    }
    return out.toByteArray();
  }

  /** A number written in hex, such as an address or a length ("8000000"). */
  static long number(String text, String what) {
    if (text.isEmpty() || text.length() > 16) {
      throw new IllegalArgumentException(what + ": not a hex number: '" + text + "'");
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      value = value << 4 | digit(text.charAt(i), text, what);
    }
    return value;
  }

  /** A number as the protocol writes it: lowercase hex, no leading zeros. */
  static String number(long value) {
    return Long.toHexString(value);
  }

  /** Text as hex of its UTF-8 bytes, as qRcmd carries monitor commands and O packets output. */
  static String ofText(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  static String text(String hex, String what) {
    return new String(bytes(hex, what), StandardCharsets.UTF_8);
  }

  /** A 32-bit value as 8 hex digits of its little-endian bytes, as g/p/P carry registers. */
  static String littleEndian32(int value) {
    return of(new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16),
        (byte) (value >>> 24)});
  }

  static int littleEndian32(String hex, String what) {
    byte[] b = bytes(hex, what);
    if (b.length != 4) {
      throw new IllegalArgumentException(what + ": expected 4 bytes, got '" + hex + "'");
    }
    return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
  }

  private static int digit(char c, String text, String what) {
    int d = Character.digit(c, 16);
    if (d < 0) {
      throw new IllegalArgumentException(what + ": '" + c + "' is not a hex digit in '" + text
          + "'");
    }
    return d;
  }
}
