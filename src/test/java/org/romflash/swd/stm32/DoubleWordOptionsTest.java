package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.sim.DoubleWordModel;
import org.romflash.swd.sim.SimulatedBus;

/** The L4/G0/G4/WB/WL option programmer against the model, on a G474 (area 0x1FFF7800-2F). */
class DoubleWordOptionsTest {
  private static final long CR = 0x40022014L;
  private static final int LOCKS = 1 << 31 | 1 << 30;
  private static final long FLASH = 0x08000000L;
  private static final int OPTR = 0x00;
  private static final int WRP1AR = 0x18;

  private final Device device = device("G474xE");
  private final DoubleWordModel model = new DoubleWordModel(device);
  private final SimulatedBus bus = new SimulatedBus().attach(model.flash())
      .attach(model.registers()).attach(model.optionArea());
  private final OptionProgrammer options = new DoubleWordDriver(bus, device).options()
      .orElseThrow();

  private static Device device(String name) {
    return DeviceDatabase.bundled().byName(name).orElseThrow();
  }

  /** {@code image} with the value word at {@code offset} set, and its complement after it. */
  static byte[] withWord(byte[] image, int offset, int value) {
    byte[] changed = image.clone();
    for (int b = 0; b < 4; b++) {
      changed[offset + b] = (byte) (value >>> 8 * b);
      changed[offset + 4 + b] = (byte) (~value >>> 8 * b);
    }
    return changed;
  }

  private byte[] withRdp(int rdp) {
    return withWord(options.read(), OPTR, 0xFFEFF800 | rdp);
  }

  private boolean locked() {
    return (bus.read32(CR) & LOCKS) == LOCKS;
  }

  @Test
  void readGivesTheOptionAreaWithEachValueFollowedByItsComplement() {
    byte[] area = options.read();
    assertEquals(0x30, area.length);
    assertArrayEquals(new byte[] {(byte) 0xAA, (byte) 0xF8, (byte) 0xEF, (byte) 0xFF, 0x55, 0x07,
        0x10, 0x00}, java.util.Arrays.copyOf(area, 8));
  }

  @Test
  void anRdpUserAndWrpChangeReadsBackAsProgrammedWithTheLocksSetAgain() {
    byte[] image = withWord(options.read(), OPTR, 0xFBEFF8BB);
    image = withWord(image, WRP1AR, 0xFF05FF04);
    options.program(image, false);
    assertArrayEquals(image, options.read());
    assertTrue(locked());
  }

  @Test
  void aWrpAreaSetThroughTheOptionsMakesALaterProgramOfItsPageFailWithWrperr() {
    options.program(withWord(options.read(), WRP1AR, 0xFF05FF04), false);
    DoubleWordDriver driver = new DoubleWordDriver(bus, device);
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> driver.program(FLASH + 5 * 2048, new byte[8]));
    assertEquals(List.of("WRPERR"), failure.flags());
    driver.program(FLASH + 6 * 2048, new byte[8]);
  }

  @Test
  void raisingReadProtectionToLevel1MakesDebugReadsOfTheFlashFault() {
    options.program(withRdp(0xBB), false);
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    assertEquals(0xBB, options.read()[0] & 0xFF);
    assertTrue(locked());
  }

  @Test
  void loweringReadProtectionToLevel0MassErasesTheFlashAndReadsWorkAgain() {
    model.array().load(FLASH + 0x1000, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    options.program(withRdp(0xBB), false);
    options.program(withRdp(0xAA), false);
    assertEquals(-1, bus.read32(FLASH + 0x1000));
    assertTrue(model.array().erased(FLASH, (int) device.flash().size()));
    assertTrue(locked());
  }

  @Test
  void level2IsRefusedWithoutTheConfirmationBeforeAnythingIsWritten() {
    WriteCountingMemory memory = new WriteCountingMemory(bus);
    OptionProgrammer counted = new DoubleWordDriver(memory, device).options().orElseThrow();
    byte[] before = options.read();
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> counted.program(withRdp(0xCC), false));
    assertTrue(refused.getMessage().contains("read protection level 2"), refused.getMessage());
    assertEquals(0, memory.writes());
    assertArrayEquals(before, options.read());
  }

  @Test
  void level2IsProgrammedWithTheConfirmationAndThenDebugAccessIsGone() {
    options.program(withRdp(0xCC), true);
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    assertThrows(DebugAccessException.class, options::read);
  }

  @Test
  void anImageOfAnotherLengthIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> options.program(new byte[16], false));
  }

  @Test
  void aControllerThatStaysBusyFailsWithBsyAndLeavesBothLocksSet() {
    model.hangNextOperation();
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> options.program(withRdp(0xBB), false));
    assertEquals(List.of("BSY"), failure.flags());
    assertTrue(locked());
  }

  @Test
  void aFailedLoadIsReportedAsOptverrWithBothLocksSet() {
    model.failNextOptionLoad();
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> options.program(withRdp(0xBB), false));
    assertEquals(List.of("OPTVERR"), failure.flags());
    assertTrue(locked());
  }

  @Test
  void anEarlierWrongOptionKeyKeepsTheOptionsLockedUntilResetAndTheDriverSaysSo() {
    bus.write32(0x40022008L, 0x45670123);
    bus.write32(0x40022008L, 0xCDEF89AB);
    assertThrows(DebugAccessException.class, () -> bus.write32(0x4002200CL, 0));
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> options.program(withRdp(0xBB), false));
    assertTrue(failure.getMessage().startsWith("unlock OPTLOCK"), failure.getMessage());
    assertTrue(locked());
    model.reset();
    options.program(withRdp(0xBB), false);
  }

  @Test
  void bitsTheChipDoesNotKeepAreReportedAfterTheLoad() {
    byte[] image = withWord(options.read(), WRP1AR, 0x00050004);
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> options.program(image, false));
    assertTrue(failure.getMessage().contains("reads 0xFF05FF04 at 0x1FFF7818, not 0x00050004 as"
        + " programmed"), failure.getMessage());
    assertTrue(locked());
  }
}
