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

/** F0 option bytes through the FPEC, on a simulated F072xB: loaded by OBL_LAUNCH, with level 2. */
class FpecOptionsF0Test {
  private static final long CR = FpecDriver.REGISTERS + 0x10;
  private static final long OBR = FpecDriver.REGISTERS + 0x1C;
  private static final long FLASH = 0x0800_0000L;

  private final Device device = OptionChips.device("F072xB");
  private final SimulatedChip chip = OptionChips.chip(device);
  private final SimulatedBus bus = chip.bus();
  private final FpecModel model = (FpecModel) chip.flash();
  private final OptionProgrammer options = new FpecDriver(bus, device).options().orElseThrow();
  private final byte[] factory = options.read();

  @AfterEach
  void theControllerIsLockedWithOptionWritesDisabled() {
    assertEquals(0x80, bus.read32(CR));
  }

  private byte[] with(byte[] image, String field, long value) {
    return OptionChips.with(device, image, field, value);
  }

  @Test
  void oblLaunchLoadsANewUserByteWithoutAnyOtherReset() {
    byte[] image = with(factory, "nBOOT1", 0);
    options.program(image, false);
    assertArrayEquals(image, options.read());
    assertEquals(0xEF, bus.read32(OBR) >>> 8 & 0xFF);
  }

  @Test
  void levelTwoIsRefusedWithoutItsConfirmationAndNothingIsWritten() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> options.program(with(factory, "RDP", 0xCC), false));
    assertEquals("F072xB: the option bytes set read protection level 2, which locks the chip for"
        + " good (no debugger, no bootloader, no way back); refused without the confirmation for a"
        + " permanent lock", e.getMessage());
    assertArrayEquals(factory, options.read());
    assertEquals(0, bus.read32(OBR) & 6);
  }

  @Test
  void levelTwoIsTakenWithItsConfirmationAndThenTheOptionBytesCannotBeErased() {
    byte[] level2 = with(factory, "RDP", 0xCC);
    options.program(level2, true);
    assertEquals(6, bus.read32(OBR) & 6);
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> options.program(factory, true));
    assertEquals(List.of("WRPRTERR"), e.flags());
    assertArrayEquals(level2, options.read());
  }

  @Test
  void goingFromLevelOneBackToZeroMassErasesTheFlash() {
    model.array().load(FLASH + 0x1_0000, new byte[] {0x12, 0x34});
    options.program(with(factory, "RDP", 0xBB), false);
    assertEquals(2, bus.read32(OBR) & 6);
    options.program(factory, false);
    assertEquals(true, model.array().erased(FLASH, 128 * 1024));
    assertEquals(0xFFFF, bus.read16(FLASH + 0x1_0000));
  }

  @Test
  void aSystemResetDoesNotLoadTheOptionBytesOnAnF0() {
    bus.write32(FpecDriver.REGISTERS + 0x04, 0x4567_0123);
    bus.write32(FpecDriver.REGISTERS + 0x04, 0xCDEF_89AB);
    bus.write32(FpecDriver.REGISTERS + 0x08, 0x4567_0123);
    bus.write32(FpecDriver.REGISTERS + 0x08, 0xCDEF_89AB);
    bus.write32(CR, 0x220);
    bus.write32(CR, 0x260);
    chip.reset();
    assertEquals(0, bus.read32(OBR) & 6);
    bus.write32(FpecDriver.REGISTERS + 0x04, 0x4567_0123);
    bus.write32(FpecDriver.REGISTERS + 0x04, 0xCDEF_89AB);
    bus.write32(CR, 0x2000);
    assertEquals(2, bus.read32(OBR) & 6);
  }
}
