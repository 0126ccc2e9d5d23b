package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.sim.SectorFlashModel;
import org.romflash.swd.sim.SimulatedBus;
import org.romflash.swd.sim.SimulatedChip;

/** F4 option bytes through FLASH_OPTCR, on a simulated F407xG. */
class SectorOptionsTest {
  private static final long CR = SectorFlashDriver.REGISTERS + 0x10;
  private static final long OPTKEYR = SectorFlashDriver.REGISTERS + 0x08;
  private static final long OPTCR = SectorFlashDriver.REGISTERS + 0x14;
  private static final long FLASH = 0x0800_0000L;

  private final Device device = OptionChips.device("F407xG");
  private final SimulatedChip chip = OptionChips.chip(device);
  private final SimulatedBus bus = chip.bus();
  private final SectorFlashModel model = (SectorFlashModel) chip.flash();
  private final SectorFlashDriver driver = new SectorFlashDriver(bus, device);
  private final OptionProgrammer options = driver.options().orElseThrow();
  private final byte[] factory = options.read();

  @AfterEach
  void theOptionAndFlashControlRegistersAreLocked() {
    assertEquals(List.of(1, 0x8000_0000), List.of(bus.read32(OPTCR) & 1, bus.read32(CR)));
  }

  private byte[] with(byte[] image, String field, long value) {
    return OptionChips.with(device, image, field, value);
  }

  @Test
  void theFactoryOptionsReadAsTheirOptcrInTheEntrysLayout() {
    assertEquals(0x0FFF_AAED, bus.read32(OPTCR));
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xAA, -1, -1, -1, -1, -1, -1, -1, 0x0F, -1,
        -1, -1, -1, -1, -1}, factory);
  }

  @Test
  void userBorAndWriteProtectionChangesGoToOptcrAndReadBackEqual() {
    byte[] image = with(with(with(factory, "USER", 0b011), "BOR_LEV", 0b01), "nWRP", 0xFFB);
    options.program(image, false);
    assertEquals(0x0FFB_AA65, bus.read32(OPTCR));
    assertArrayEquals(image, options.read());
    assertArrayEquals(image, bus.read(device.optionBytes().start(), image.length));
  }

  @Test
  void bitsThatAreNoOptionsAreKeptAsTheChipHasThem() {
    byte[] ones = new byte[16];
    java.util.Arrays.fill(ones, (byte) 0xFF);
    options.program(ones, false);
    assertEquals(0x0FFF_FFED, bus.read32(OPTCR));
  }

  @Test
  void writeProtectionSetThroughOptcrMakesProgrammingThatSectorFailWithWrperr() {
    options.program(with(factory, "nWRP", 0xFFB), false);
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(0x0800_8000L, new byte[] {1, 2, 3, 4}));
    assertEquals(List.of("WRPERR"), e.flags());
    driver.program(0x0800_C000L, new byte[] {1, 2, 3, 4});
    assertEquals(0x0403_0201, bus.read32(0x0800_C000L));
  }

  @Test
  void readProtectionLevelOneMakesDebuggerReadsOfTheFlashFault() {
    options.program(with(factory, "RDP", 0x55), false);
    DebugAccessException e = assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    assertEquals("bus fault at 0x08000000: flash read by the debugger while read protection is"
        + " active (RM0090: no debug access to the flash at level 1)", e.getMessage());
    assertEquals(0x55, OptionChips.value(device, options.read(), "RDP"));
  }

  @Test
  void goingBackToLevelZeroMassErasesTheFlashAndDebuggerReadsWorkAgain() {
    model.array().load(FLASH, new byte[] {1, 2, 3, 4});
    model.array().load(0x080F_FFFCL, new byte[] {5, 6, 7, 8});
    options.program(with(factory, "RDP", 0x55), false);
    options.program(factory, false);
    assertEquals(true, model.array().erased(FLASH, 1024 * 1024));
    assertEquals(0xFFFF_FFFF, bus.read32(FLASH));
    assertArrayEquals(factory, options.read());
  }

  @Test
  void levelTwoIsRefusedWithoutItsConfirmationAndNothingIsWritten() {
    assertThrows(IllegalArgumentException.class,
        () -> options.program(with(factory, "RDP", 0xCC), false));
    assertArrayEquals(factory, options.read());
    assertEquals(0x0FFF_AAED, bus.read32(OPTCR));
  }

  @Test
  void levelTwoIsTakenWithItsConfirmationAndThenNoOptionChanges() {
    byte[] level2 = with(factory, "RDP", 0xCC);
    options.program(level2, true);
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> options.program(factory, true));
    assertEquals("option bytes at 0x1FFFC000: OPTCR reads back 0x0FFFCCEC after OPTSTRT, not"
        + " 0x0FFFAAEC: the chip did not take the new option bytes (at read protection level 2"
        + " they cannot change) (status register 0x00000000)", e.getMessage());
    assertArrayEquals(level2, options.read());
  }

  @Test
  void aControllerThatStaysBusyFailsNamingBsyAndOptcrIsLockedAgain() {
    model.holdBusy();
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> options.program(with(factory, "BOR_LEV", 0), false));
    assertEquals(List.of("BSY"), e.flags());
  }

  @Test
  void optionKeysRefusedAfterAnEarlierWrongKeyFailAndOptcrStaysLocked() {
    assertThrows(DebugAccessException.class, () -> bus.write32(OPTKEYR, 0x0819_2A3C));
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> options.program(factory, false));
    assertEquals(true, e.getMessage().startsWith("option unlock at 0x1FFFC000: the option keys"
        + " were refused with a bus error"), e.getMessage());
    assertEquals(0x0FFF_AAED, bus.read32(OPTCR));
  }
}
