package org.romflash.swd.gdb;

/**
 * The CRC-32 of qCRC and {@code compare-sections} (GDB manual, "General Query Packets", qCRC, and
 * "Separate Debug Files" for the algorithm): polynomial 0x04C11DB7, most significant bit first,
 * initial value 0xFFFFFFFF, no final XOR, bytes fed in memory order.
 *
 * <p>It is not the STM32 CRC ({@link org.romflash.flash.Crc32Stm32}): the CRC unit feeds each
 * 32-bit word from its most significant byte, which in little-endian memory is the word's last
 * byte. The two agree only on data whose words read the same both ways round.
 */
final class GdbCrc {
  private static final int[] TABLE = table();

  private GdbCrc() {}

  static int of(byte[] data) {
    return update(0xFFFFFFFF, data, 0, data.length);
  }

  static int update(int crc, byte[] data, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ data[i]) & 0xFF];
    }
    return crc;
  }

  private static int[] table() {
    int[] table = new int[256];
    for (int i = 0; i < 256; i++) {
      int crc = i << 24;
      for (int bit = 0; bit < 8; bit++) {
        crc = crc < 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
      }
      table[i] = crc;
    }
    return table;
  }
}
