package org.romflash.swd.sim;

/** Little-endian values of 1, 2 or 4 bytes in a byte array. */
public final class Bytes {
  private Bytes() {}

  public static int get(byte[] bytes, int offset, int size) {
    int value = 0;
    for (int b = size - 1; b >= 0; b--) {
      value = (value << 8) | (bytes[offset + b] & 0xFF);
    }
    return value;
  }

  public static void put(byte[] bytes, int offset, int size, int value) {
    for (int b = 0; b < size; b++) {
      bytes[offset + b] = (byte) (value >>> (8 * b));
    }
  }
}
