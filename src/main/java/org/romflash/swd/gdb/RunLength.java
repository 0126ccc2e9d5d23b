package org.romflash.swd.gdb;

import java.io.ByteArrayOutputStream;

/**
 * Run-length encoding of reply data (GDB manual, "Remote Protocol", Overview): {@code c*n} stands
 * for the character {@code c} followed by {@code n - 29} more copies of it, so {@code "0* "} is
 * {@code "0000"}. The count character must be printable and must not be {@code #} or {@code $}:
 * runs of 6 or 7 extra copies are sent as 5 extra plus literal characters ({@code "0*\"00"} is eight
 * zeros), and no count goes above 126 - 29 = 97.
 */
final class RunLength {
  static final int MARK = '*';
  static final int OFFSET = 29;
  /** The most extra copies one count can say: count character '~' (126). */
  static final int MAX_REPEAT = 126 - OFFSET;
  /** The fewest extra copies worth a count: fewer would need a count character below ' '. */
  static final int MIN_REPEAT = 3;

  private RunLength() {}

  /**
   * Expands the run-length encoding of a received reply (done before anything else reads it).
   *
   * @throws IllegalArgumentException when a count has nothing to repeat or is missing
   */
  static byte[] expand(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
    int previous = -1;
    for (int i = 0; i < data.length; i++) {
      int b = data[i] & 0xFF;
      if (b != MARK) {
        out.write(b);
        previous = b;
        continue;
      }
      if (previous < 0) {
        throw new IllegalArgumentException("run-length count at offset " + i
            + " has no character before it to repeat");
      }
      if (i + 1 == data.length) {
        throw new IllegalArgumentException("run-length mark '*' at the end, without a count");
      }
      int repeat = (data[++i] & 0xFF) - OFFSET;
      if (repeat < 0) {
        throw new IllegalArgumentException(String.format(
            "run-length count 0x%02x at offset %d is below 29", data[i] & 0xFF, i));
      }
      for (int r = 0; r < repeat; r++) {
        out.write(previous);
      }
    }
    return out.toByteArray();
  }

  /**
   * Encodes text that holds no {@code $ # * }} (hex digits, as m and g replies are), choosing
   * counts the manual allows.
   */
  static byte[] encode(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
    int i = 0;
    while (i < data.length) {
      int c = data[i] & 0xFF;
      if (c == '$' || c == '#' || c == MARK || c == BinaryEscape.ESCAPE) {
        throw new IllegalArgumentException("run-length encoding is for plain text, not '"
            + (char) c + "'");
      }
      int run = 1;
      while (i + run < data.length && data[i + run] == data[i]) {
        run++;
      }
      i += run;
      while (run > 0) {
        out.write(c);
        run--;
        if (run >= MIN_REPEAT) {
          int repeat = Math.min(run, MAX_REPEAT);
          if (repeat + OFFSET == '#' || repeat + OFFSET == '$') {
            repeat = '"' - OFFSET;
          }
          out.write(MARK);
          out.write(repeat + OFFSET);
          run -= repeat;
        }
      }
    }
    return out.toByteArray();
  }
}
