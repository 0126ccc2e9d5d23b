package org.romflash.swd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;

/** The double-word model's option bytes, driven register by register as RM0444 3.4.2 says. */
class DoubleWordModelOptionsTest {
  private static final long KEYR = 0x40022008L;
  private static final long OPTKEYR = 0x4002200CL;
  private static final long SR = 0x40022010L;
  private static final long CR = 0x40022014L;
  private static final long OPTR = 0x40022020L;
  private static final long WRP2AR = 0x4002204CL;
  private static final long AREA = 0x1FFF7800L;
  private static final long FLASH = 0x08000000L;
  private static final int LOCKS = DoubleWordModel.LOCK | DoubleWordModel.OPTLOCK;
  private static final int FACTORY_OPTR = 0xFFEFF8AA;

  private final Device device = DeviceDatabase.bundled().byName("G0B1xE").orElseThrow();
  private final DoubleWordModel model = new DoubleWordModel(device, 1);
  private final SimulatedBus bus = new SimulatedBus().attach(model.flash())
      .attach(model.registers()).attach(model.optionArea());

  private void unlockFlash() {
    bus.write32(KEYR, 0x45670123);
    bus.write32(KEYR, 0xCDEF89AB);
  }

  private void unlockOptions() {
    bus.write32(OPTKEYR, 0x08192A3B);
    bus.write32(OPTKEYR, 0x4C5D6E7F);
  }

  /** Unlocks, writes {@code value} to {@code register}, programs it and waits for BSY. */
  private void program(long register, int value) {
    unlockFlash();
    unlockOptions();
    bus.write32(register, value);
    bus.write32(CR, DoubleWordModel.OPTSTRT);
    while ((bus.read32(SR) & DoubleWordModel.BSY) != 0) {
      Thread.onSpinWait();
    }
  }

  @Test
  void optionKeysCountOnlyOnceFlashCrIsUnlocked() {
    assertEquals(LOCKS, bus.read32(CR));
    unlockOptions();
    assertEquals(LOCKS, bus.read32(CR));
    unlockFlash();
    unlockOptions();
    assertEquals(0, bus.read32(CR));
  }

  @Test
  void aWrongOptionKeyIsABusFaultAndLocksTheOptionRegistersUntilReset() {
    unlockFlash();
    assertThrows(DebugAccessException.class, () -> bus.write32(OPTKEYR, 0x12345678));
    assertThrows(DebugAccessException.class, () -> bus.write32(OPTKEYR, 0x08192A3B));
    assertEquals(DoubleWordModel.OPTLOCK, bus.read32(CR));
    model.reset();
    unlockFlash();
    unlockOptions();
    assertEquals(0, bus.read32(CR));
  }

  @Test
  void settingLockSetsOptlockAndOptionRegistersIgnoreWritesWhileItIsSet() {
    unlockFlash();
    unlockOptions();
    bus.write32(CR, DoubleWordModel.LOCK);
    assertEquals(LOCKS, bus.read32(CR));
    bus.write32(OPTR, 0);
    assertEquals(FACTORY_OPTR, bus.read32(OPTR));
  }

  @Test
  void optstrtProgramsTheAreaWithComplementsButTheChipKeepsTheLoadedValuesUntilOblLaunch() {
    program(OPTR, 0xFFEFF8BB);
    assertEquals(List.of(0xFFEFF8BB, 0x00100744), List.of(bus.read32(AREA),
        bus.read32(AREA + 4)));
    assertEquals(0xBB, bus.read8(AREA));
    assertEquals(-1, bus.read32(FLASH));
    bus.write32(CR, DoubleWordModel.OBL_LAUNCH);
    assertEquals(LOCKS, bus.read32(CR));
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    assertThrows(DebugAccessException.class, () -> bus.write32(FLASH, 0));
    assertEquals(0xFFEFF8BB, bus.read32(OPTR));
  }

  @Test
  void loweringReadProtectionFromLevel1To0MassErasesTheFlash() {
    model.array().load(FLASH, new byte[] {1, 2, 3, 4});
    program(OPTR, 0xFFEFF8BB);
    bus.write32(CR, DoubleWordModel.OBL_LAUNCH);
    program(OPTR, FACTORY_OPTR);
    assertEquals(0xFF, model.array().get(FLASH, 1));
    bus.write32(CR, DoubleWordModel.OBL_LAUNCH);
    assertEquals(-1, bus.read32(FLASH));
  }

  @Test
  void level2DisablesDebugAccessToFlashRegistersAndOptionArea() {
    program(OPTR, 0xFFEFF8CC);
    bus.write32(CR, DoubleWordModel.OBL_LAUNCH);
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    assertThrows(DebugAccessException.class, () -> bus.read32(CR));
    assertThrows(DebugAccessException.class, () -> bus.read32(AREA));
  }

  @Test
  void loadedWrpAreasWriteProtectTheirPagesInTheirBank() {
    program(WRP2AR, 0x00030002);
    assertEquals(0xFF03FF02, bus.read32(AREA + 0x48), "reserved bits keep their value");
    assertEquals(0x00FC00FD, bus.read32(AREA + 0x4C));
    bus.write32(CR, DoubleWordModel.OBL_LAUNCH);
    List<Boolean> bank2 = device.flash().units().stream().filter(u -> u.bank() == 2).limit(5)
        .map(model.array()::writeProtected).toList();
    assertEquals(List.of(false, false, true, true, false), bank2);
    assertTrue(device.flash().units().stream().filter(u -> u.bank() == 1)
        .noneMatch(model.array()::writeProtected));
  }

  @Test
  void aFailedLoadSetsOptverrAgainAfterEveryResetAndKeepsTheOldValues() {
    program(OPTR, 0xFFEFF8BB);
    model.failNextOptionLoad();
    bus.write32(CR, DoubleWordModel.OBL_LAUNCH);
    assertEquals(DoubleWordModel.OPTVERR, bus.read32(SR));
    bus.write32(SR, DoubleWordModel.OPTVERR);
    model.reset();
    assertEquals(DoubleWordModel.OPTVERR, bus.read32(SR));
    assertEquals(-1, bus.read32(FLASH));
  }

  @Test
  void optionAreaWritesFault() {
    assertThrows(DebugAccessException.class, () -> bus.write32(AREA, 0));
  }
}
