package org.romflash.swd.gdb;

import java.io.ByteArrayOutputStream;

/**
 * The escaping of binary data in packets (X, vFlashWrite, qXfer replies): the bytes {@code #},
 * {@code $}, {@code *} and <code>}</code> are sent as <code>}</code> followed by the byte XOR 0x20
 * (GDB manual, "Remote Protocol", Overview). Every other byte goes as it is.
 */
final class BinaryEscape {
  static final int ESCAPE = '}';

  private BinaryEscape() {}

  static boolean needsEscape(int b) {
    return b == '#' || b == '$' || b == '}' || b == '*';
  }

  static byte[] escape(byte[] data) {
    return escape(data, 0, data.length);
  }

  static byte[] escape(byte[] data, int offset, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + length / 16 + 4);
    for (int i = offset; i < offset + length; i++) {
      int b = data[i] & 0xFF;
      if (needsEscape(b)) {
        out.write(ESCAPE);
        out.write(b ^ 0x20);
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** How many bytes {@code data[offset]} takes once escaped: 1 or 2. */
  static int escapedSize(byte value) {
    return needsEscape(value & 0xFF) ? 2 : 1;
  }

  /**
   * How many bytes from {@code data[offset]} (at most {@code length}, at least 1) fit in {@code
   * budget} bytes once escaped.
   */
  static int fitting(byte[] data, int offset, int length, int budget) {
    int n = 0;
    while (n < length && budget >= escapedSize(data[offset + n])) {
      budget -= escapedSize(data[offset + n]);
      n++;
    }
    return Math.max(1, n);
  }

  static byte[] unescape(byte[] data) {
    return unescape(data, 0, data.length);
  }

  /**
   * @throws IllegalArgumentException when the data ends in the middle of an escape
   */
  static byte[] unescape(byte[] data, int offset, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
    for (int i = offset; i < offset + length; i++) {
      int b = data[i] & 0xFF;
      if (b == ESCAPE) {
        if (++i == offset + length) {
          throw new IllegalArgumentException("binary data ends inside an escape ('}' last)");
        }
        out.write((data[i] & 0xFF) ^ 0x20);
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }
}
