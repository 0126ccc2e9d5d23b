package org.romflash.swd.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;

/** The L4/G0/G4/WB/WL controller model, driven register by register as RM0351 3.3 describes. */
class DoubleWordModelTest {
  private static final long KEYR = 0x40022008L;
  private static final long SR = 0x40022010L;
  private static final long CR = 0x40022014L;
  private static final long FLASH = 0x08000000L;
  private static final int LOCK = 1 << 31;

  private final Device g474 = device("G474xE");
  private final DoubleWordModel model = new DoubleWordModel(g474, 2);
  private final SimulatedBus bus = new SimulatedBus().attach(model.flash())
      .attach(model.registers());

  private static Device device(String name) {
    return DeviceDatabase.bundled().byName(name).orElseThrow();
  }

  private void unlockWithPg() {
    bus.write32(KEYR, 0x45670123);
    bus.write32(KEYR, 0xCDEF89AB);
    bus.write32(CR, DoubleWordModel.PG | DoubleWordModel.EOPIE);
  }

  private List<Integer> statusReads(int count) {
    List<Integer> reads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      reads.add(bus.read32(SR));
    }
    return reads;
  }

  @Test
  void theControlRegisterIsLockedAtResetAndUnlockedByTheTwoKeysInOrder() {
    assertEquals(LOCK | 1 << 30, bus.read32(CR));
    bus.write32(KEYR, 0x45670123);
    bus.write32(KEYR, 0xCDEF89AB);
    assertEquals(1 << 30, bus.read32(CR));
  }

  @Test
  void aWrongKeyIsABusErrorAndKeepsTheRegisterLockedUntilReset() {
    DebugAccessException wrong = assertThrows(DebugAccessException.class,
        () -> bus.write32(KEYR, 0x12345678));
    assertEquals("bus fault at 0x40022008: wrong flash key sequence (0x12345678): FLASH_CR stays"
        + " locked until reset", wrong.getMessage());
    assertThrows(DebugAccessException.class, () -> bus.write32(KEYR, 0x45670123));
    assertEquals(LOCK, bus.read32(CR) & LOCK);
    model.reset();
    bus.write32(KEYR, 0x45670123);
    bus.write32(KEYR, 0xCDEF89AB);
    assertEquals(0, bus.read32(CR) & LOCK);
  }

  @Test
  void aDoubleWordIsProgrammedByTwoWordWritesShowsBsyForTwoReadsThenEop() {
    unlockWithPg();
    bus.write32(FLASH + 8, 0x11223344);
    bus.write32(FLASH + 12, 0x55667788);
    assertEquals(List.of(DoubleWordModel.BSY, DoubleWordModel.BSY, DoubleWordModel.EOP),
        statusReads(3));
    assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11, (byte) 0x88, 0x77, 0x66, 0x55},
        bus.read(FLASH + 8, 8));
  }

  @Test
  void eopIsOnlySetWhenEopieIs() {
    unlockWithPg();
    bus.write32(CR, DoubleWordModel.PG);
    bus.write32(FLASH, 1);
    bus.write32(FLASH + 4, 2);
    assertEquals(List.of(DoubleWordModel.BSY, DoubleWordModel.BSY, 0), statusReads(3));
  }

  @Test
  void aHalfWordWriteGivesSizerrAndProgramsNothing() {
    unlockWithPg();
    bus.write16(FLASH, 0x1234);
    assertEquals(DoubleWordModel.SIZERR, bus.read32(SR));
    assertEquals(0xFFFFFFFF, bus.read32(FLASH));
  }

  @Test
  void anUnalignedWordNeverReachesTheModel() {
    unlockWithPg();
    assertThrows(DebugAccessException.class, () -> bus.write32(FLASH + 2, 0));
    assertEquals(0, bus.read32(SR));
  }

  @Test
  void aFirstWordOutsideTheDoubleWordsStartGivesPgaerr() {
    unlockWithPg();
    bus.write32(FLASH + 4, 0);
    assertEquals(DoubleWordModel.PGAERR, bus.read32(SR));
  }

  @Test
  void aNewDoubleWordStartedBeforeThePairIsCompleteGivesPgaerrAndProgramsNothing() {
    unlockWithPg();
    bus.write32(FLASH, 0x01010101);
    bus.write32(FLASH + 8, 0x02020202);
    assertEquals(DoubleWordModel.PGAERR, bus.read32(SR));
    assertEquals(0xFFFFFFFF, bus.read32(FLASH));
    assertEquals(0xFFFFFFFF, bus.read32(FLASH + 8));
  }

  @Test
  void writingFlashWithoutPgOrWhileLockedGivesPgserr() {
    bus.write32(FLASH, 0);
    assertEquals(DoubleWordModel.PGSERR, bus.read32(SR));
    assertEquals(0xFFFFFFFF, bus.read32(FLASH));
  }

  @Test
  void aFlagLeftFromAnEarlierErrorMakesTheNextWriteAPgserr() {
    unlockWithPg();
    bus.write32(FLASH + 4, 0);
    bus.write32(FLASH, 1);
    bus.write32(FLASH + 4, 2);
    assertEquals(DoubleWordModel.PGAERR | DoubleWordModel.PGSERR, bus.read32(SR));
    assertEquals(0xFFFFFFFF, bus.read32(FLASH));
  }

  @Test
  void aDoubleWordThatIsNotErasedGivesProgerrUnlessTheDataAreZero() {
    model.array().load(FLASH, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    unlockWithPg();
    bus.write32(FLASH, 0xFFFFFFFF);
    bus.write32(FLASH + 4, 0xFFFFFFFE);
    assertEquals(DoubleWordModel.PROGERR, bus.read32(SR));
    bus.write32(SR, DoubleWordModel.PROGERR);
    bus.write32(FLASH, 0);
    bus.write32(FLASH + 4, 0);
    statusReads(3);
    assertArrayEquals(new byte[8], bus.read(FLASH, 8));
  }

  @Test
  void aWriteProtectedPageGivesWrperrOnProgramAndOnErase() {
    model.array().setWriteProtected(0, true);
    unlockWithPg();
    bus.write32(FLASH, 0);
    bus.write32(FLASH + 4, 0);
    assertEquals(DoubleWordModel.WRPERR, bus.read32(SR));
    bus.write32(SR, -1);
    bus.write32(CR, DoubleWordModel.PER | DoubleWordModel.STRT);
    assertEquals(DoubleWordModel.WRPERR, bus.read32(SR));
  }

  @Test
  void bankTwoPagesOfAG474AreNumberedInsideTheBankWithBker() {
    model.array().load(0x08040000L, new byte[] {0});
    unlockWithPg();
    bus.write32(CR, DoubleWordModel.PER | 1 << 11 | DoubleWordModel.STRT);
    statusReads(3);
    assertEquals(0xFF, bus.read8(0x08040000L));
  }

  @Test
  void bankTwoPagesOfAG0B1AreNumberedFrom256AndAnEmptyNumberGivesPgserr() {
    DoubleWordModel g0 = new DoubleWordModel(device("G0B1xE"), 2);
    SimulatedBus g0Bus = new SimulatedBus().attach(g0.flash()).attach(g0.registers());
    g0.array().load(0x08040000L, new byte[] {0});
    g0Bus.write32(KEYR, 0x45670123);
    g0Bus.write32(KEYR, 0xCDEF89AB);
    g0Bus.write32(CR, DoubleWordModel.PER | 1 << 13 | DoubleWordModel.STRT);
    assertEquals(DoubleWordModel.PGSERR, g0Bus.read32(SR));
    g0Bus.write32(SR, -1);
    g0Bus.write32(CR, DoubleWordModel.PER | 1 << 13 | 256 << 3 | DoubleWordModel.STRT);
    assertEquals(0xFF, g0Bus.read8(0x08040000L));
  }
}
