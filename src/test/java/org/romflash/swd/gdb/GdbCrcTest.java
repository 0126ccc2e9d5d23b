package org.romflash.swd.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.romflash.flash.Crc32Stm32;

/** GDB's qCRC CRC-32, and how it differs from the STM32 CRC. */
class GdbCrcTest {

  @Test
  void theCheckValueOf123456789IsThatOfCrc32Mpeg2() {
    // CRC-32/MPEG-2 is this algorithm: poly 04C11DB7, init FFFFFFFF, MSB first, no final XOR.
    assertEquals(0x0376E6E7, GdbCrc.of("123456789".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void itIsNotTheStm32CrcOfTheSameBytes() {
    byte[] word = {0x78, 0x56, 0x34, 0x12};
    assertEquals(0xDF8A8A2B, Crc32Stm32.of(word));
    assertNotEquals(Crc32Stm32.of(word), GdbCrc.of(word));
  }

  @Test
  void itIsTheStm32CrcOfTheBytesReversedWithinEachWord() {
    byte[] data = new byte[64];
    new Random(7).nextBytes(data);
    byte[] reversed = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      reversed[i] = data[i / 4 * 4 + 3 - i % 4];
    }
    assertEquals(Crc32Stm32.of(reversed), GdbCrc.of(data));
  }
}
