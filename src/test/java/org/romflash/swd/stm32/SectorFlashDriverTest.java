package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.EraseUnit;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.sim.SectorFlashModel;
import org.romflash.swd.sim.SimulatedBus;

/** The F2/F4/F7 driver against the simulated F407 controller, through the simulated bus. */
class SectorFlashDriverTest {
  private static final Device DEVICE = DeviceDatabase.bundled().byName("F407xG").orElseThrow();
  private static final long KEYR = SectorFlashDriver.REGISTERS + 0x04;
  private static final long CR = SectorFlashDriver.REGISTERS + 0x10;
  private static final int LOCKED = 0x8000_0000;

  private final SectorFlashModel model = new SectorFlashModel(DEVICE);
  private final SimulatedBus bus =
      new SimulatedBus().attach(model.flash()).attach(model.registers());
  private final SectorFlashDriver driver = new SectorFlashDriver(bus, DEVICE);

  @AfterEach
  void theControllerIsLockedAgain() {
    assertEquals(LOCKED, bus.read32(CR));
  }

  private static EraseUnit sector(int number) {
    return DEVICE.flash().unit(number).orElseThrow();
  }

  private static byte[] random(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void erasedSectorsTakeRandomDataThatReadsBackEqual() {
    model.array().load(0x0800_0000L, random(0x2_0000, 1));
    for (int s = 0; s <= 4; s++) {
      driver.erase(sector(s));
    }
    byte[] data = random(0x1_0000 + 64, 2);
    driver.program(0x0800_0000L, data);
    driver.program(0x0801_0100L, new byte[] {9, 8, 7, 6});
    assertArrayEquals(data, bus.read(0x0800_0000L, data.length));
    assertArrayEquals(new byte[] {9, 8, 7, 6}, bus.read(0x0801_0100L, 4));
  }

  @Test
  void erasingTheLastSectorLeavesTheOneBeforeAlone() {
    model.array().load(0x080C_0000L, new byte[] {1});
    model.array().load(0x080E_0000L, new byte[] {2});
    driver.erase(sector(11));
    assertEquals(List.of(1, 0xFF), List.of(model.array().get(0x080C_0000L, 1),
        model.array().get(0x080E_0000L, 1)));
  }

  @Test
  void massEraseErasesEverySector() {
    model.array().load(0x080F_FFF0L, random(16, 3));
    model.array().load(0x0800_0000L, random(16, 4));
    driver.massErase();
    assertEquals(true, model.array().erased(0x0800_0000L, 1024 * 1024));
  }

  @Test
  void programmingAWordThatIsNotErasedFailsNamingTheAddressAndWhatReadsBack() {
    model.array().load(0x0800_0004L, new byte[] {0x0F, 0, 0, 0});
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(0x0800_0000L, new byte[] {1, 2, 3, 4, (byte) 0xF1, 0, 0, 0}));
    assertEquals(List.of(), e.flags());
    assertEquals(0x0800_0004L, e.address());
    assertEquals("program at 0x08000004: reads back 0x00000001 after 0x000000F1 was programmed:"
        + " the word was not erased (programming only clears bits) (status register 0x00000000)",
        e.getMessage());
  }

  @Test
  void erasingAWriteProtectedSectorFailsWithWrperr() {
    model.array().setWriteProtected(2, true);
    model.array().load(0x0800_8000L, new byte[] {0});
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.erase(sector(2)));
    assertEquals(List.of("WRPERR"), e.flags());
    assertEquals("erase at 0x08008000: the sector is write-protected"
        + " (status register 0x00000010: WRPERR)", e.getMessage());
    assertEquals(0, model.array().get(0x0800_8000L, 1));
  }

  @Test
  void programmingAWriteProtectedSectorFailsWithWrperr() {
    model.array().setWriteProtected(1, true);
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(0x0800_4000L, new byte[4]));
    assertEquals(List.of("WRPERR"), e.flags());
    assertEquals(0x0800_4000L, e.address());
  }

  @Test
  void aControllerThatStaysBusyTimesOutWithBsy() {
    model.holdBusy();
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(0x0800_0000L, new byte[4]));
    assertEquals(List.of("BSY"), e.flags());
    assertEquals("program at 0x08000000: the controller stayed busy for more than 100.16 ms"
        + " (10 x the typical 0.016 ms + 100 ms) (status register 0x00010000: BSY)",
        e.getMessage());
  }

  @Test
  void aWrongSecondKeyLocksTheControllerUntilReset() {
    bus.write32(KEYR, 0x4567_0123);
    assertThrows(DebugAccessException.class, () -> bus.write32(KEYR, 0x4567_0123));
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(0x0800_0000L, new byte[4]));
    assertEquals(List.of(), e.flags());
    assertEquals(0xFFFF_FFFF, model.array().get(0x0800_0000L, 4));
    model.reset();
    driver.program(0x0800_0000L, new byte[4]);
    assertEquals(0, model.array().get(0x0800_0000L, 4));
  }

  @Test
  void theDriverProgramsWordsAtPsizeX32() {
    assertEquals(4, driver.programUnit());
  }
}
