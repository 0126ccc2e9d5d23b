package org.romflash.swd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;

/** The simulated F2/F4/F7 option registers, on an F407xG. */
class SectorFlashModelOptionTest {
  private static final long OPTKEYR = SectorFlashModel.REGISTERS + 0x08;
  private static final long SR = SectorFlashModel.REGISTERS + 0x0C;
  private static final long OPTCR = SectorFlashModel.REGISTERS + 0x14;
  private static final long AREA = 0x1FFF_C000L;

  private final SectorFlashModel model =
      new SectorFlashModel(DeviceDatabase.bundled().byName("F407xG").orElseThrow());
  private final SimulatedBus bus = new SimulatedBus().attach(model.flash())
      .attach(model.registers()).attach(model.optionArea());

  private void unlock() {
    bus.write32(OPTKEYR, 0x0819_2A3B);
    bus.write32(OPTKEYR, 0x4C5D_6E7F);
  }

  @Test
  void optcrIgnoresWritesWhileOptlockIsSet() {
    bus.write32(OPTCR, 0x0FFF_5500);
    assertEquals(0x0FFF_AAED, bus.read32(OPTCR));
  }

  @Test
  void aWrongOptionKeyIsABusFaultAndLocksOptcrUntilReset() {
    DebugAccessException e = assertThrows(DebugAccessException.class,
        () -> bus.write32(OPTKEYR, 0x4567_0123));
    assertEquals("bus fault at 0x40023C08: 0x45670123 is not the option key 0x08192A3B: wrong key"
        + " sequence, OPTCR locked until reset", e.getMessage());
    assertThrows(DebugAccessException.class, this::unlock);
    model.reset();
    unlock();
    assertEquals(0x0FFF_AAEC, bus.read32(OPTCR));
  }

  @Test
  void optstrtKeepsBsyForTwoReadsThenTheOptionAreaShowsTheNewValues() {
    unlock();
    bus.write32(OPTCR, 0x0FFE_AA6C);
    assertEquals(0xFFFF_AAEF, bus.read32(AREA));
    bus.write32(OPTCR, 0x0FFE_AA6E);
    assertEquals(List.of(0x1_0000, 0x1_0000, 0), List.of(bus.read32(SR), bus.read32(SR),
        bus.read32(SR)));
    assertEquals(List.of(0xFFFF_AA6F, 0xFFFF_0FFE), List.of(bus.read32(AREA),
        bus.read32(AREA + 8)));
  }

  @Test
  void anOptcrValueNotStartedIsLostAtReset() {
    unlock();
    bus.write32(OPTCR, 0x0FFE_AA6C);
    model.reset();
    assertEquals(0x0FFF_AAED, bus.read32(OPTCR));
  }

  @Test
  void theOptionAreaIsReadOnly() {
    DebugAccessException e = assertThrows(DebugAccessException.class,
        () -> bus.write32(AREA, 0));
    assertEquals("bus fault at 0x1FFFC000: the option bytes are programmed through FLASH_OPTCR",
        e.getMessage());
  }
}
