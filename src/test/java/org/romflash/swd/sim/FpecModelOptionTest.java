package org.romflash.swd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;

/** The simulated FPEC's option bytes, register by register, on an F103xB unless named. */
class FpecModelOptionTest {
  private static final long KEYR = FpecModel.REGISTERS + 0x04;
  private static final long OPTKEYR = FpecModel.REGISTERS + 0x08;
  private static final long SR = FpecModel.REGISTERS + 0x0C;
  private static final long CR = FpecModel.REGISTERS + 0x10;
  private static final long OBR = FpecModel.REGISTERS + 0x1C;
  private static final long WRPR = FpecModel.REGISTERS + 0x20;
  private static final long AREA = 0x1FFF_F800L;
  private static final int OPTPG = 0x10;
  private static final int OPTER = 0x20;
  private static final int OPTWRE = 0x200;
  private static final int STRT = 0x40;

  private FpecModel model = new FpecModel(device("F103xB"));
  private SimulatedBus bus = bus(model);

  private static Device device(String name) {
    return DeviceDatabase.bundled().byName(name).orElseThrow();
  }

  private static SimulatedBus bus(FpecModel model) {
    return new SimulatedBus().attach(model.flash()).attach(model.registers())
        .attach(model.optionArea());
  }

  private void use(String name) {
    model = new FpecModel(device(name));
    bus = bus(model);
  }

  private void unlockWithOptionWrites() {
    bus.write32(KEYR, 0x4567_0123);
    bus.write32(KEYR, 0xCDEF_89AB);
    bus.write32(OPTKEYR, 0x4567_0123);
    bus.write32(OPTKEYR, 0xCDEF_89AB);
  }

  private List<Integer> statusReads(int count) {
    List<Integer> reads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      reads.add(bus.read32(SR));
    }
    return reads;
  }

  private void eraseOptions() {
    bus.write32(CR, OPTWRE | OPTER);
    bus.write32(CR, OPTWRE | OPTER | STRT);
    statusReads(3);
    bus.write32(SR, 0x34);
  }

  @Test
  void theOptionKeysSetOptwreAndACrWriteWithoutItClearsIt() {
    unlockWithOptionWrites();
    assertEquals(OPTWRE, bus.read32(CR));
    bus.write32(CR, OPTPG);
    assertEquals(OPTPG, bus.read32(CR));
  }

  @Test
  void aWrongOptionKeyIsABusFaultAndKeepsOptwreClearUntilReset() {
    bus.write32(KEYR, 0x4567_0123);
    bus.write32(KEYR, 0xCDEF_89AB);
    assertThrows(DebugAccessException.class, () -> bus.write32(OPTKEYR, 0x4567_0124));
    assertThrows(DebugAccessException.class, () -> bus.write32(OPTKEYR, 0x4567_0123));
    model.reset();
    unlockWithOptionWrites();
    assertEquals(OPTWRE, bus.read32(CR));
  }

  @Test
  void anOptionByteWrittenWithOptpgButWithoutOptwreIsABusFault() {
    bus.write32(KEYR, 0x4567_0123);
    bus.write32(KEYR, 0xCDEF_89AB);
    bus.write32(CR, OPTPG);
    DebugAccessException e = assertThrows(DebugAccessException.class,
        () -> bus.write16(AREA + 2, 0x00FE));
    assertEquals("bus fault at 0x1FFFF802: option byte written while OPTWRE is clear in FLASH_CR",
        e.getMessage());
  }

  @Test
  void erasingWithoutOptwreSetsWrprterrAndErasesNothing() {
    bus.write32(KEYR, 0x4567_0123);
    bus.write32(KEYR, 0xCDEF_89AB);
    bus.write32(CR, OPTER | STRT);
    assertEquals(List.of(1, 1, 0x10), statusReads(3));
    assertEquals(0x5AA5, bus.read16(AREA));
  }

  @Test
  void programmingAnOptionByteThatIsNotErasedIsPgerrAndLeavesItAlone() {
    unlockWithOptionWrites();
    bus.write32(CR, OPTWRE | OPTPG);
    bus.write16(AREA + 2, 0x00FE);
    assertEquals(List.of(1, 1, 0x04), statusReads(3));
    assertEquals(0x00FF, bus.read16(AREA + 2));
  }

  @Test
  void anErasedOptionByteTakesTheLowByteAndTheHardwareWritesItsComplement() {
    unlockWithOptionWrites();
    eraseOptions();
    bus.write32(CR, OPTWRE | OPTPG);
    bus.write16(AREA + 4, 0xAB12);
    assertEquals(List.of(1, 1, 0x20), statusReads(3));
    assertEquals(0xFFFF_ED12, bus.read32(AREA + 4));
  }

  @Test
  void optionBytesTakeHalfWordWritesOnly() {
    unlockWithOptionWrites();
    eraseOptions();
    bus.write32(CR, OPTWRE | OPTPG);
    assertThrows(DebugAccessException.class, () -> bus.write8(AREA + 4, 0x12));
    assertThrows(DebugAccessException.class, () -> bus.write32(AREA + 4, 0x12));
  }

  @Test
  void anF1LoadsItsOptionBytesAtASystemResetOnly() {
    unlockWithOptionWrites();
    eraseOptions();
    assertEquals(0, bus.read32(OBR) & 2);
    bus.write32(CR, OPTWRE | 0x2000);
    assertEquals(0, bus.read32(OBR) & 2);
    model.reset();
    assertEquals(List.of(2 | 0xFF << 2 | 0xFF << 10 | 0xFF << 18, 0xFFFF_FFFF),
        List.of(bus.read32(OBR), bus.read32(WRPR)));
  }

  @Test
  void erasedPairsLoadWithoutOptionByteErrorButRdpErasedIsLevelOne() {
    unlockWithOptionWrites();
    eraseOptions();
    model.reset();
    assertEquals(2, bus.read32(OBR) & 3);
    assertThrows(DebugAccessException.class, () -> bus.read32(0x0800_0000L));
  }

  @Test
  void eachWrpBitProtectsFourKilobytesAndTheLastOneTheRest() {
    use("F103xE");
    unlockWithOptionWrites();
    eraseOptions();
    bus.write32(CR, OPTWRE | OPTPG);
    bus.write16(AREA, 0xA5);
    statusReads(3);
    bus.write16(AREA + 8, 0xFE);
    statusReads(3);
    bus.write16(AREA + 14, 0x7F);
    statusReads(3);
    model.reset();
    FlashArray array = model.array();
    assertEquals(List.of(true, true, false, false, true, true),
        List.of(array.writeProtected(array.unitAt(0x0800_0000L)),
            array.writeProtected(array.unitAt(0x0800_0800L)),
            array.writeProtected(array.unitAt(0x0800_1000L)),
            array.writeProtected(array.unitAt(0x0801_E800L)),
            array.writeProtected(array.unitAt(0x0801_F000L)),
            array.writeProtected(array.unitAt(0x0807_F800L))));
  }

  @Test
  void oblLaunchLoadsAnF3sOptionBytesAndLocksTheController() {
    use("F303xC");
    unlockWithOptionWrites();
    eraseOptions();
    bus.write32(CR, OPTWRE | OPTPG);
    bus.write16(AREA, 0xAA);
    statusReads(3);
    bus.write32(CR, OPTWRE | 0x2000);
    assertEquals(List.of(0x80, 0xFF << 8 | 0xFF << 16 | 0xFF << 24),
        List.of(bus.read32(CR), bus.read32(OBR)));
  }
}
