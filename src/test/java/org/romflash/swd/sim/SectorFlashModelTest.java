package org.romflash.swd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;

/** The simulated F2/F4/F7 controller follows RM0090's rules, register by register. */
class SectorFlashModelTest {
  private static final DeviceDatabase DATABASE = DeviceDatabase.bundled();
  private static final long KEYR = SectorFlashModel.REGISTERS + 0x04;
  private static final long SR = SectorFlashModel.REGISTERS + 0x0C;
  private static final long CR = SectorFlashModel.REGISTERS + 0x10;
  private static final int PG_X32 = 0x201;
  private static final int EOPIE = 1 << 24;
  private static final int ERRIE = 1 << 25;
  private static final int STRT = 1 << 16;

  private SectorFlashModel model = new SectorFlashModel(DATABASE.byName("F407xG").orElseThrow());
  private SimulatedBus bus = new SimulatedBus().attach(model.flash()).attach(model.registers());

  private void use(String name) {
    model = new SectorFlashModel(DATABASE.byName(name).orElseThrow());
    bus = new SimulatedBus().attach(model.flash()).attach(model.registers());
  }

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
  void aWordIsProgrammedWithBusyForTwoReadsAndEopOnlyWithEopie() {
    unlock();
    bus.write32(CR, PG_X32);
    bus.write32(0x0800_0000L, 0x1234_5678);
    assertEquals(List.of(0x1_0000, 0x1_0000, 0), statusReads(3));
    bus.write32(CR, PG_X32 | EOPIE);
    bus.write32(0x0800_0004L, 0x1234_5678);
    assertEquals(List.of(0x1_0000, 0x1_0000, 0x1), statusReads(3));
    assertEquals(0x1234_5678, bus.read32(0x0800_0004L));
  }

  @Test
  void anAccessSizeOtherThanPsizeIsRefusedWithPgperr() {
    unlock();
    bus.write32(CR, PG_X32);
    bus.write16(0x0800_0000L, 0);
    assertEquals(List.of(0x1_0000, 0x1_0000, 0x40), statusReads(3));
    assertEquals(0xFFFF, model.array().get(0x0800_0000L, 2));
  }

  @Test
  void writingFlashWithoutPgIsASequenceErrorWithOperrWhenErrieIsSet() {
    unlock();
    bus.write32(CR, ERRIE);
    bus.write32(0x0800_0000L, 0);
    assertEquals(List.of(0x1_0000, 0x1_0000, 0x82), statusReads(3));
    bus.write32(SR, 0x82);
    assertEquals(List.of(0, 0xFFFF_FFFF), List.of(bus.read32(SR), bus.read32(0x0800_0000L)));
  }

  @Test
  void writingFlashWhileLockedIsASequenceError() {
    bus.write32(0x0800_0000L, 0);
    assertEquals(List.of(0x1_0000, 0x1_0000, 0x80), statusReads(3));
  }

  @Test
  void programmingAWordThatIsNotErasedOnlyClearsBitsWithoutAnError() {
    model.array().load(0x0800_0000L, new byte[] {0x0F, 0x0F, 0x0F, 0x0F});
    unlock();
    bus.write32(CR, PG_X32);
    bus.write32(0x0800_0000L, 0x3333_3333);
    assertEquals(List.of(0x1_0000, 0x1_0000, 0), statusReads(3));
    assertEquals(0x0303_0303, bus.read32(0x0800_0000L));
  }

  @Test
  void aWriteProtectedSectorIsNeitherProgrammedNorErased() {
    model.array().setWriteProtected(0, true);
    unlock();
    bus.write32(CR, PG_X32);
    bus.write32(0x0800_0000L, 0);
    assertEquals(List.of(0x1_0000, 0x1_0000, 0x10), statusReads(3));
    bus.write32(CR, 0x202);
    bus.write32(CR, 0x202 | STRT);
    statusReads(2);
    assertEquals(0x10, bus.read32(SR));
    assertEquals(0xFFFF_FFFF, model.array().get(0x0800_0000L, 4));
  }

  @Test
  void bankTwoSectorTwelveIsSnbSixteenOnADualBankF429() {
    use("F429xI");
    model.array().load(0x0800_0000L, new byte[] {0});
    model.array().load(0x0810_0000L, new byte[] {0});
    unlock();
    bus.write32(CR, 0x202 | 0x10 << 3);
    bus.write32(CR, 0x202 | 0x10 << 3 | STRT);
    statusReads(3);
    assertEquals(List.of(0, 0xFF), List.of(model.array().get(0x0800_0000L, 1),
        model.array().get(0x0810_0000L, 1)));
  }

  @Test
  void merErasesBankOneAndMer1BankTwo() {
    use("F429xI");
    model.array().load(0x0800_0000L, new byte[] {0});
    model.array().load(0x0810_0000L, new byte[] {0});
    unlock();
    bus.write32(CR, 0x8000 | STRT);
    statusReads(3);
    assertEquals(List.of(0, 0xFF), List.of(model.array().get(0x0800_0000L, 1),
        model.array().get(0x0810_0000L, 1)));
  }

  @Test
  void anSnbNamingNoSectorIsABusFault() {
    unlock();
    DebugAccessException e = assertThrows(DebugAccessException.class,
        () -> bus.write32(CR, 0x202 | 12 << 3 | STRT));
    assertEquals("bus fault at 0x40023C10: STRT with SNB 0xc, which names no sector of this flash",
        e.getMessage());
  }

  @Test
  void aWrongKeyLocksUntilReset() {
    assertThrows(DebugAccessException.class, () -> bus.write32(KEYR, 0));
    assertThrows(DebugAccessException.class, this::unlock);
    assertEquals(0x8000_0000, bus.read32(CR));
    model.reset();
    unlock();
    assertEquals(0, bus.read32(CR));
  }

  @Test
  void aKeyWrittenWhileUnlockedIsAWrongSequence() {
    unlock();
    assertThrows(DebugAccessException.class, () -> bus.write32(KEYR, 0x4567_0123));
    assertEquals(0x8000_0000, bus.read32(CR));
  }
}
