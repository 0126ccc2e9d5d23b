package org.romflash.swd;

import java.util.Arrays;
import org.romflash.device.MemoryRegion;

/**
 * Checks, before anything is erased, that the probe's block transfers move what they should: a
 * pattern of distinct words is written to the start of RAM and read back. A link whose bulk reads
 * return one repeated word (seen with FT2232 JTAG adapters) or drop words fails here, naming the
 * first wrong word, instead of erasing the chip and then failing its verify.
 */
public final class LinkCheck {
  static final int WORDS = 64;

  private LinkCheck() {}

  /**
   * @throws DebugAccessException naming the address, the word written and the word read back
   */
  public static void run(DebugMemory memory, MemoryRegion ram) {
    int length = (int) Math.min(WORDS * 4, ram.size() & ~3L);
    byte[] saved = memory.read(ram.start(), length);
    byte[] pattern = new byte[length];
    for (int i = 0; i < length; i += 4) {
      int word = 0xA5C3_0000 ^ (i * 0x0101_0101) ^ (i << 10);
      for (int b = 0; b < 4; b++) {
        pattern[i + b] = (byte) (word >>> (8 * b));
      }
    }
    memory.write(ram.start(), pattern, 4);
    byte[] back = memory.read(ram.start(), length);
    memory.write(ram.start(), saved, 4);
    if (!Arrays.equals(pattern, back)) {
      int i = Arrays.mismatch(pattern, back) & ~3;
      throw new DebugAccessException(String.format("the probe's block transfers are unreliable:"
          + " at 0x%08X it wrote 0x%08X and read back 0x%08X (RAM check before programming;"
          + " nothing was erased): lower --swd-clock or check the probe's wiring and firmware",
          ram.start() + i, word(pattern, i), word(back, i)));
    }
  }

  private static int word(byte[] bytes, int i) {
    return (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF) << 16
        | (bytes[i + 3] & 0xFF) << 24;
  }
}
