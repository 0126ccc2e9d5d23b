package org.romflash.swd.stm32;

import org.romflash.device.MemoryRegion;
import org.romflash.swd.DebugMemory;

/**
 * Reading an option area through the debug port: 32-bit reads only, since the H7's area is its
 * FLASH register block, which answers nothing narrower, and the double-word controllers' option
 * areas are word-organised anyway.
 */
final class EccOptionArea {
  private EccOptionArea() {}

  /** The area's bytes (its size a multiple of 4, as every entry of these families has). */
  static byte[] read(DebugMemory memory, MemoryRegion area) {
    byte[] bytes = new byte[(int) area.size()];
    for (int offset = 0; offset + 4 <= bytes.length; offset += 4) {
      int word = memory.read32(area.start() + offset);
      for (int b = 0; b < 4; b++) {
        bytes[offset + b] = (byte) (word >>> 8 * b);
      }
    }
    return bytes;
  }

  /**
   * How the word at {@code address} differs from {@code expected} in the bits of {@code mask}, as
   * "reads 0x... at 0x..., not 0x... as programmed", or null when it does not.
   */
  static String difference(DebugMemory memory, long address, int expected, int mask) {
    int actual = memory.read32(address);
    if (((actual ^ expected) & mask) == 0) {
      return null;
    }
    return String.format("reads 0x%08X at 0x%08X, not 0x%08X as programmed", actual, address,
        expected);
  }
}
