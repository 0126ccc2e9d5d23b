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
import org.romflash.swd.sim.FpecModel;
import org.romflash.swd.sim.SimulatedBus;

/** F1 XL-density: bank 2 (flash from 0x08080000) through FLASH_KEYR2/SR2/CR2/AR2 at +0x40. */
class FpecDriverXlDensityTest {
  private static final Device DEVICE = DeviceDatabase.bundled().byName("F103xG").orElseThrow();
  private static final long CR = FpecDriver.REGISTERS + 0x10;
  private static final long CR2 = FpecDriver.REGISTERS + 0x50;
  private static final long SR2 = FpecDriver.REGISTERS + 0x4C;

  private final FpecModel model = new FpecModel(DEVICE);
  private final SimulatedBus bus =
      new SimulatedBus().attach(model.flash()).attach(model.registers());
  private final FpecDriver driver = new FpecDriver(bus, DEVICE);

  @AfterEach
  void bothBanksAreLockedAgain() {
    assertEquals(List.of(0x80, 0x80), List.of(bus.read32(CR), bus.read32(CR2)));
  }

  private static byte[] random(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void theLastPageOfBankOneAndTheFirstOfBankTwoTakeDataThatReadsBackEqual() {
    model.array().load(0x0807_F800L, random(4096, 1));
    byte[] low = random(2048, 2);
    byte[] high = random(2048, 3);
    driver.erase(DEVICE.flash().unit(255).orElseThrow());
    driver.erase(DEVICE.flash().unit(256).orElseThrow());
    driver.program(0x0807_F800L, low);
    driver.program(0x0808_0000L, high);
    assertArrayEquals(low, bus.read(0x0807_F800L, 2048));
    assertArrayEquals(high, bus.read(0x0808_0000L, 2048));
  }

  @Test
  void aBankTwoErrorIsReadFromTheBankTwoStatusRegister() {
    model.array().setWriteProtected(300, true);
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.erase(DEVICE.flash().unit(300).orElseThrow()));
    assertEquals("erase at 0x08096000: the page is write-protected"
        + " (status register 0x00000010: WRPRTERR)", e.getMessage());
    assertEquals(0x10, bus.read32(SR2));
  }

  @Test
  void massEraseErasesBothBanks() {
    model.array().load(0x0807_FFF0L, random(32, 4));
    model.array().load(0x080F_FFF0L, random(16, 5));
    driver.massErase();
    assertEquals(true, model.array().erased(0x0800_0000L, 1024 * 1024));
  }

  @Test
  void aRangeAcrossTheBankBoundaryIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> driver.program(0x0807_FFFEL, new byte[4]));
    assertEquals("programming 4 bytes at 0x0807FFFE: the range spans two banks; program each bank"
        + " apart", e.getMessage());
  }
}
