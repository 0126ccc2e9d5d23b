package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.sim.FpecModel;
import org.romflash.swd.sim.SimulatedBus;
import org.romflash.swd.sim.SimulatedChip;

/** F1 option bytes through the FPEC, on a simulated F103xB: loaded by a system reset. */
class FpecOptionsTest {
  private static final long CR = FpecDriver.REGISTERS + 0x10;
  private static final long OBR = FpecDriver.REGISTERS + 0x1C;
  private static final long WRPR = FpecDriver.REGISTERS + 0x20;
  private static final long OPTKEYR = FpecDriver.REGISTERS + 0x08;
  private static final long FLASH = 0x0800_0000L;

  private final Device device = OptionChips.device("F103xB");
  private final SimulatedChip chip = OptionChips.chip(device);
  private final SimulatedBus bus = chip.bus();
  private final FpecModel model = (FpecModel) chip.flash();
  private final FpecDriver driver = new FpecDriver(bus, device);
  private final OptionProgrammer options = driver.options().orElseThrow();
  private final byte[] factory = options.read();

  @AfterEach
  void theControllerIsLockedWithOptionWritesDisabled() {
    assertEquals(0x80, bus.read32(CR));
  }

  private byte[] with(byte[] image, String field, long value) {
    return OptionChips.with(device, image, field, value);
  }

  @Test
  void theFactoryAreaReadsAsTheRmGivesIt() {
    assertArrayEquals(new byte[] {(byte) 0xA5, 0x5A, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1,
        0}, factory);
  }

  @Test
  void userAndWriteProtectionChangesReadBackEqualAndAreLoadedByTheReset() {
    byte[] image = with(with(factory, "USER", 0xFE), "WRP0", 0xFD);
    options.program(image, false);
    assertArrayEquals(image, options.read());
    assertArrayEquals(image, bus.read(device.optionBytes().start(), image.length));
    assertEquals(List.of(0xFFFF_FFFD, 0xFE << 2 | 0xFF << 10 | 0xFF << 18),
        List.of(bus.read32(WRPR), bus.read32(OBR)));
  }

  @Test
  void writeProtectionSetThroughTheOptionBytesMakesProgrammingThatPageFailWithWrprterr() {
    options.program(with(factory, "WRP0", 0xFE), false);
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(FLASH + 3 * 1024, new byte[] {1, 2}));
    assertEquals(List.of("WRPRTERR"), e.flags());
    driver.program(FLASH + 4 * 1024, new byte[] {1, 2});
    assertEquals(0x0201, bus.read16(FLASH + 4 * 1024));
  }

  @Test
  void readProtectionLevelOneMakesDebuggerReadsOfTheFlashFault() {
    options.program(with(factory, "RDP", 0x00), false);
    DebugAccessException e = assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    assertEquals("bus fault at 0x08000000: flash read by the debugger while read protection is"
        + " loaded (PM0075 2.4.1, RM0091 3.3.1: no debug access to the flash at level 1)",
        e.getMessage());
    assertEquals(0x00, OptionChips.value(device, options.read(), "RDP"));
    assertEquals(2, bus.read32(OBR) & 2);
  }

  @Test
  void goingBackToLevelZeroMassErasesTheFlashAndDebuggerReadsWorkAgain() {
    model.array().load(FLASH, new byte[] {1, 2, 3, 4});
    model.array().load(FLASH + 127 * 1024, new byte[] {5, 6});
    options.program(with(factory, "RDP", 0x00), false);
    options.program(factory, false);
    assertEquals(true, model.array().erased(FLASH, 128 * 1024));
    assertEquals(0xFFFF_FFFF, bus.read32(FLASH));
    assertArrayEquals(factory, options.read());
  }

  @Test
  void rdpCcIsLevelOneOnAnF1AndTakesNoConfirmation() {
    options.program(with(factory, "RDP", 0xCC), false);
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
  }

  @Test
  void anImageWithAWrongComplementIsRefusedBeforeAnythingIsWritten() {
    byte[] image = factory.clone();
    image[2] = (byte) 0xFE;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> options.program(image, false));
    assertEquals("the option byte at 0x1FFFF802 is 0xFE but its complement at 0x1FFFF803 is 0x00,"
        + " not 0x01: the chip would load it as an option byte error", e.getMessage());
    assertArrayEquals(factory, options.read());
  }

  @Test
  void erasedPairsAreLeftErased() {
    byte[] image = factory.clone();
    image[6] = (byte) 0xFF;
    image[7] = (byte) 0xFF;
    options.program(image, false);
    assertArrayEquals(image, options.read());
  }

  @Test
  void anImageOfAnotherLengthIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> options.program(new byte[12], false));
    assertEquals("the option bytes of F103xB are 16 bytes (0x1FFFF800-0x1FFFF80F), not 12",
        e.getMessage());
  }

  @Test
  void theResetLeavesAnEnabledCoreHaltedAndDemcrAsItWas() {
    bus.write32(FpecOptionLoad.DHCSR, 0xA05F_0001);
    bus.write32(FpecOptionLoad.DEMCR, 0x0100_0000);
    options.program(with(factory, "USER", 0xFB), false);
    assertEquals(true, chip.core().halted());
    assertEquals(0x0100_0000, bus.read32(FpecOptionLoad.DEMCR));
  }

  @Test
  void aControllerThatStaysBusyFailsNamingBsyAndIsLockedAgain() {
    model.holdBusy();
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> options.program(factory, false));
    assertEquals(List.of("BSY"), e.flags());
  }

  @Test
  void optionKeysRefusedAfterAnEarlierWrongKeyFailAndLeaveTheControllerLocked() {
    bus.write32(FpecDriver.REGISTERS + 0x04, 0x4567_0123);
    bus.write32(FpecDriver.REGISTERS + 0x04, 0xCDEF_89AB);
    assertThrows(DebugAccessException.class, () -> bus.write32(OPTKEYR, 0));
    bus.write32(CR, 0x80);
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> options.program(factory, false));
    assertEquals(true, e.getMessage().startsWith("option unlock at 0x1FFFF800: the option keys"
        + " were refused with a bus error"), e.getMessage());
    assertArrayEquals(factory, options.read());
  }
}
