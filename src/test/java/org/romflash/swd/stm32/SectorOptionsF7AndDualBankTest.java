package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.swd.sim.SimulatedBus;
import org.romflash.swd.sim.SimulatedChip;

/** The F7's boot addresses in OPTCR1, and the dual-bank F4's second OPTCR1, on simulated chips. */
class SectorOptionsF7AndDualBankTest {
  private static final long OPTCR = SectorFlashDriver.REGISTERS + 0x14;
  private static final long OPTCR1 = SectorFlashDriver.REGISTERS + 0x18;

  @Test
  void anF7BootAddressGoesToOptcr1AndReadsBackEqual() {
    Device device = OptionChips.device("F767xI");
    SimulatedBus bus = OptionChips.chip(device).bus();
    OptionProgrammer options = new SectorFlashDriver(bus, device).options().orElseThrow();
    byte[] factory = options.read();
    assertEquals(List.of(0xFFFF_AAFD, 0x0040_0080), List.of(bus.read32(OPTCR),
        bus.read32(OPTCR1)));
    byte[] image = OptionChips.with(device, OptionChips.with(device, factory, "BOOT_ADD0", 0x2000),
        "USER", 0x7F);
    options.program(image, false);
    assertEquals(List.of(0xFFFF_AA7D, 0x0040_2000), List.of(bus.read32(OPTCR),
        bus.read32(OPTCR1)));
    assertArrayEquals(image, options.read());
    assertArrayEquals(image, bus.read(device.optionBytes().start(), image.length));
  }

  @Test
  void anF7SectorIsWriteProtectedThroughTheNwrpBitsOfOptcr() {
    Device device = OptionChips.device("F746xG");
    SimulatedBus bus = OptionChips.chip(device).bus();
    SectorFlashDriver driver = new SectorFlashDriver(bus, device);
    byte[] image = driver.options().orElseThrow().read();
    image[8] = (byte) 0xF7;
    driver.options().orElseThrow().program(image, false);
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(0x0801_8000L, new byte[] {1, 2, 3, 4}));
    assertEquals(List.of("WRPERR"), e.flags());
  }

  @Test
  void aDualBankF4KeepsBankTwosWriteProtectionWhileBankOnesChanges() {
    Device device = OptionChips.device("F429xI");
    SimulatedChip chip = OptionChips.chip(device);
    SimulatedBus bus = chip.bus();
    SectorFlashDriver driver = new SectorFlashDriver(bus, device);
    OptionProgrammer options = driver.options().orElseThrow();
    unlockOptions(bus);
    bus.write32(OPTCR1, 0x0FFE_0000);
    bus.write32(OPTCR, 0x0FFF_AAEE);
    bus.write32(OPTCR, 0x0FFF_AAED);
    byte[] image = OptionChips.with(device, OptionChips.with(device, options.read(), "nWRP",
        0xFFE), "BFB2", 1);
    options.program(image, false);
    assertEquals(List.of(0x0FFE_AAFD, 0x0FFE_0000), List.of(bus.read32(OPTCR),
        bus.read32(OPTCR1)));
    assertArrayEquals(image, options.read());
    for (long address : List.of(0x0800_0000L, 0x0810_0000L)) {
      FlashControllerException e = assertThrows(FlashControllerException.class,
          () -> driver.program(address, new byte[] {1, 2, 3, 4}));
      assertEquals(List.of("WRPERR"), e.flags());
    }
  }

  private static void unlockOptions(SimulatedBus bus) {
    bus.write32(SectorFlashDriver.REGISTERS + 0x08, 0x0819_2A3B);
    bus.write32(SectorFlashDriver.REGISTERS + 0x08, 0x4C5D_6E7F);
  }
}
