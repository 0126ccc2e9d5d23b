package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.EraseUnit;
import org.romflash.device.FlashLayout;
import org.romflash.swd.sim.SectorFlashModel;
import org.romflash.swd.sim.SimulatedBus;

/** Dual-bank F42x/F43x: bank-2 sectors as SNB 0b1_0000 + n, mass erase with MER and MER1. */
class SectorFlashDriverDualBankTest {
  private static final DeviceDatabase DATABASE = DeviceDatabase.bundled();
  private static final Device DEVICE = DATABASE.byName("F429xI").orElseThrow();

  private final SectorFlashModel model = new SectorFlashModel(DEVICE);
  private final SimulatedBus bus =
      new SimulatedBus().attach(model.flash()).attach(model.registers());
  private final SectorFlashDriver driver = new SectorFlashDriver(bus, DEVICE);

  @AfterEach
  void theControllerIsLockedAgain() {
    assertEquals(0x8000_0000, bus.read32(SectorFlashDriver.REGISTERS + 0x10));
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
  void bankTwoSectorsAreNumberedWithinTheirBankWithBitFourSet() {
    assertEquals(List.of(0, 11, 0x10, 0x11, 0x1B), Stream.of(0, 11, 12, 13, 23)
        .map(n -> SectorNumbers.snb(DEVICE.flash(), sector(n))).toList());
  }

  @Test
  void sectorsOfBothBanksTakeRandomDataThatReadsBackEqual() {
    model.array().load(0x080E_0000L, random(0x4_0000, 1));
    model.array().load(0x081E_0000L, random(0x2_0000, 2));
    for (int s : new int[] {11, 12, 23}) {
      driver.erase(sector(s));
    }
    byte[] low = random(4096, 3);
    byte[] high = random(4096, 4);
    byte[] last = random(4096, 5);
    driver.program(0x080E_0000L, low);
    driver.program(0x0810_0000L, high);
    driver.program(0x081F_F000L, last);
    assertArrayEquals(low, bus.read(0x080E_0000L, low.length));
    assertArrayEquals(high, bus.read(0x0810_0000L, high.length));
    assertArrayEquals(last, bus.read(0x081F_F000L, last.length));
  }

  @Test
  void erasingTheFirstSectorOfBankTwoLeavesTheFirstOfBankOneAlone() {
    model.array().load(0x0800_0000L, new byte[] {1});
    model.array().load(0x0810_0000L, new byte[] {2});
    driver.erase(sector(12));
    assertEquals(List.of(1, 0xFF), List.of(model.array().get(0x0800_0000L, 1),
        model.array().get(0x0810_0000L, 1)));
  }

  @Test
  void massEraseErasesBothBanks() {
    model.array().load(0x080F_FFF0L, random(16, 6));
    model.array().load(0x081F_FFF0L, random(16, 7));
    driver.massErase();
    assertEquals(true, model.array().erased(0x0800_0000L, 2 * 1024 * 1024));
  }

  @Test
  void anF7EntryWithTwoBanksIsRefused() {
    Device f7 = DATABASE.byName("F767xI").orElseThrow();
    FlashLayout dualBank = FlashLayout.of(0x0800_0000L, List.of(
        List.of(new long[] {4, 16384}, new long[] {1, 65536}, new long[] {7, 131072}),
        List.of(new long[] {4, 16384}, new long[] {1, 65536}, new long[] {7, 131072})), List.of());
    Device twoBanks = new Device(f7.pid(), f7.name(), f7.title(), f7.parts(), f7.family(),
        f7.source(), f7.bootloader(), dualBank, f7.programWord(), f7.erasedValue(), f7.rewrite(),
        f7.flashSizeRegister(), f7.ramRegions(), f7.systemMemory(), f7.options(), f7.eeprom(),
        f7.otp(), f7.uidAddress(), f7.timing(), f7.quirks());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SectorFlashDriver(bus, twoBanks));
    assertEquals("F767xI: 2 flash banks; only the F4 dual-bank layout (RM0090 F42x/F43x) is"
        + " supported", e.getMessage());
  }
}
