package org.romflash.flash;

/**
 * The CRC of the STM32 CRC unit in its reset configuration, which the bootloader's Get Checksum
 * command (AN3155 3.13) uses: polynomial 0x04C11DB7, initial value 0xFFFFFFFF, fed 32-bit words
 * assembled little-endian from memory, most significant bit first, no reflection, no final XOR.
 * One word 0x12345678 gives 0xDF8A8A2B.
 */
public final class Crc32Stm32 {
  public static final int POLYNOMIAL = 0x04C11DB7;
  public static final int INITIAL = 0xFFFFFFFF;

  private static final int[] TABLE = table(POLYNOMIAL);

  private Crc32Stm32() {}

  /** CRC of {@code data} (length a multiple of 4) with the reset polynomial and initial value. */
  public static int of(byte[] data) {
    return update(INITIAL, data, 0, data.length);
  }

  /** Continues a CRC over {@code length} bytes (a multiple of 4) of {@code data}. */
  public static int update(int crc, byte[] data, int offset, int length) {
    if (length % 4 != 0) {
      throw new IllegalArgumentException("CRC input must be whole 32-bit words, not " + length
          + " bytes");
    }
    for (int i = offset; i < offset + length; i += 4) {
      for (int b = 3; b >= 0; b--) {
        crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ data[i + b]) & 0xFF];
      }
    }
    return crc;
  }

  /** CRC with any polynomial and initial value, bit by bit; for a chip told to use other values. */
  public static int of(byte[] data, int polynomial, int initial) {
    if (polynomial == POLYNOMIAL) {
      return update(initial, data, 0, data.length);
    }
    int crc = initial;
    for (int i = 0; i < data.length; i += 4) {
      int word = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16
          | (data[i + 3] & 0xFF) << 24;
      crc ^= word;
      for (int bit = 0; bit < 32; bit++) {
        crc = crc < 0 ? (crc << 1) ^ polynomial : crc << 1;
      }
    }
    return crc;
  }

  private static int[] table(int polynomial) {
    int[] table = new int[256];
    for (int i = 0; i < 256; i++) {
      int crc = i << 24;
      for (int bit = 0; bit < 8; bit++) {
        crc = crc < 0 ? (crc << 1) ^ polynomial : crc << 1;
      }
      table[i] = crc;
    }
    return table;
  }
}
