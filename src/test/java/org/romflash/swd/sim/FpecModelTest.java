package org.romflash.swd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;

/** The simulated FPEC follows PM0075's rules, register by register. */
class FpecModelTest {
  private static final Device DEVICE = DeviceDatabase.bundled().byName("F103xB").orElseThrow();
  private static final long KEYR = FpecModel.REGISTERS + 0x04;
  private static final long SR = FpecModel.REGISTERS + 0x0C;
  private static final long CR = FpecModel.REGISTERS + 0x10;
  private static final long AR = FpecModel.REGISTERS + 0x14;
  private static final int PG = 1;

  private final FpecModel model = new FpecModel(DEVICE);
  private final SimulatedBus bus =
      new SimulatedBus().attach(model.flash()).attach(model.registers());

  private void unlock() {
    bus.write32(KEYR, 0x4567_0123);
    bus.write32(KEYR, 0xCDEF_89AB);
  }

  private List<Integer> statusReads(int count) {
    List<Integer> reads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      reads.add(bus.read32(SR));
    }
    return reads;
  }

  @Test
  void theControllerStartsLockedAndTheKeysUnlockIt() {
    assertEquals(0x80, bus.read32(CR));
    unlock();
    assertEquals(0x00, bus.read32(CR));
  }

  @Test
  void aWrongFirstKeyIsABusErrorAndLocksUntilReset() {
    DebugAccessException e = assertThrows(DebugAccessException.class,
        () -> bus.write32(KEYR, 0x1111_1111));
    assertEquals("bus fault at 0x40022004: 0x11111111 is not the key 0x45670123: wrong key"
        + " sequence, the controller locked until reset", e.getMessage());
    assertThrows(DebugAccessException.class, () -> bus.write32(KEYR, 0x4567_0123));
    bus.write32(CR, PG);
    assertEquals(0x80, bus.read32(CR));
    model.reset();
    unlock();
    assertEquals(0x00, bus.read32(CR));
  }

  @Test
  void aWrongSecondKeyLocksUntilResetToo() {
    bus.write32(KEYR, 0x4567_0123);
    assertThrows(DebugAccessException.class, () -> bus.write32(KEYR, 0x4567_0123));
    assertThrows(DebugAccessException.class, this::unlock);
    assertEquals(0x80, bus.read32(CR));
  }

  @Test
  void aHalfWordIsProgrammedWithBusyForTwoStatusReadsThenEop() {
    unlock();
    bus.write32(CR, PG);
    bus.write16(0x0800_0010L, 0xBEEF);
    assertEquals(List.of(0x01, 0x01, 0x20, 0x20), statusReads(4));
    bus.write32(SR, 0x20);
    assertEquals(List.of(0x00, 0xBEEF), List.of(bus.read32(SR), bus.read16(0x0800_0010L)));
  }

  @Test
  void aThirtyTwoBitWriteToFlashWhileProgrammingIsABusError() {
    unlock();
    bus.write32(CR, PG);
    DebugAccessException e = assertThrows(DebugAccessException.class,
        () -> bus.write32(0x0800_0000L, 0));
    assertEquals("bus fault at 0x08000000: 32-bit write while programming: the FPEC takes"
        + " half-words only", e.getMessage());
    assertEquals(0xFFFF_FFFF, model.array().get(0x0800_0000L, 4));
  }

  @Test
  void anEightBitWriteToFlashWhileProgrammingIsABusError() {
    unlock();
    bus.write32(CR, PG);
    assertThrows(DebugAccessException.class, () -> bus.write8(0x0800_0001L, 0));
    assertEquals(0xFFFF, model.array().get(0x0800_0000L, 2));
  }

  @Test
  void writingFlashWithoutPgIsABusError() {
    unlock();
    DebugAccessException e = assertThrows(DebugAccessException.class,
        () -> bus.write16(0x0800_0000L, 0));
    assertEquals("bus fault at 0x08000000: flash written while PG is not set in FLASH_CR",
        e.getMessage());
  }

  @Test
  void aHalfWordThatIsNotErasedIsSkippedWithPgerrUnlessZeroIsWritten() {
    model.array().load(0x0800_0000L, new byte[] {0x34, 0x12, 0x78, 0x56});
    unlock();
    bus.write32(CR, PG);
    bus.write16(0x0800_0000L, 0x0000);
    assertEquals(List.of(0x01, 0x01, 0x20), statusReads(3));
    bus.write16(0x0800_0002L, 0x0006);
    assertEquals(List.of(0x21, 0x21, 0x24), statusReads(3));
    assertEquals(0x5678_0000, model.array().get(0x0800_0000L, 4));
  }

  @Test
  void aWriteProtectedPageIsNeitherProgrammedNorErased() {
    model.array().setWriteProtected(1, true);
    unlock();
    bus.write32(CR, PG);
    bus.write16(0x0800_0400L, 0);
    assertEquals(List.of(0x01, 0x01, 0x10), statusReads(3));
    bus.write32(SR, 0x10);
    bus.write32(CR, 0x02);
    bus.write32(AR, 0x0800_0400);
    bus.write32(CR, 0x42);
    assertEquals(List.of(0x01, 0x01, 0x10), statusReads(3));
    assertEquals(0xFFFF, model.array().get(0x0800_0400L, 2));
  }

  @Test
  void controlWritesWhileLockedAreIgnored() {
    bus.write32(CR, PG);
    assertEquals(0x80, bus.read32(CR));
  }

  @Test
  void resetLocksAndClearsTheStatus() {
    unlock();
    bus.write32(CR, PG);
    bus.write16(0x0800_0000L, 0x1234);
    model.reset();
    assertEquals(List.of(0x80, 0x00, 0x1234), List.of(bus.read32(CR), bus.read32(SR),
        bus.read16(0x0800_0000L)));
  }

  @Test
  void registersTakeThirtyTwoBitAccessesOnly() {
    assertThrows(DebugAccessException.class, () -> bus.read16(SR));
  }
}
