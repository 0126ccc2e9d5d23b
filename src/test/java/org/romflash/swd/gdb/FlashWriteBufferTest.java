package org.romflash.swd.gdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;

/** How the server turns GDB's vFlashWrite pieces into the writes a flash target accepts. */
class FlashWriteBufferTest {
  private static final Device F407 = DeviceDatabase.bundled().byName("F407xG").orElseThrow();

  @Test
  void unalignedAdjacentPiecesArePaddedToProgramWordsWithTheErasedValue() {
    FakeTarget chip = new FakeTarget(F407);
    FlashWriteBuffer buffer = new FlashWriteBuffer();
    buffer.add(0x08000001L, new byte[] {1, 2, 3});
    buffer.add(0x08000004L, new byte[] {4, 5});
    buffer.add(0x08000009L, new byte[] {9});
    buffer.writeTo(chip.flash());
    assertArrayEquals(new byte[] {-1, 1, 2, 3, 4, 5, -1, -1, -1, 9, -1, -1},
        chip.flashBytes(0x08000000L, 12));
  }

  @Test
  void aRunCrossingBlockBoundariesIsWrittenInBlocksThatDoNotCrossThem() {
    FakeTarget chip = new FakeTarget(F407);
    byte[] data = new byte[600];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    FlashWriteBuffer buffer = new FlashWriteBuffer();
    buffer.add(0x080000F0L, Arrays.copyOfRange(data, 0, 100));
    buffer.add(0x08000154L, Arrays.copyOfRange(data, 100, 600));
    buffer.writeTo(chip.flash());
    assertArrayEquals(data, chip.flashBytes(0x080000F0L, 600));
  }

  @Test
  void whatWasWrittenIsForgotten() {
    FakeTarget chip = new FakeTarget(F407);
    FlashWriteBuffer buffer = new FlashWriteBuffer();
    buffer.add(0x08000000L, new byte[] {1, 2, 3, 4});
    buffer.writeTo(chip.flash());
    buffer.writeTo(chip.flash());
    assertArrayEquals(new byte[] {1, 2, 3, 4}, chip.flashBytes(0x08000000L, 4));
    assertTrue(buffer.isEmpty());
  }
}
