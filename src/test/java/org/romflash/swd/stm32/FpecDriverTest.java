package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.EraseUnit;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.sim.FpecModel;
import org.romflash.swd.sim.SimulatedBus;

/** The FPEC driver against the simulated F103 controller, through the simulated bus. */
class FpecDriverTest {
  private static final long CR = FpecDriver.REGISTERS + 0x10;
  private static final long KEYR = FpecDriver.REGISTERS + 0x04;
  private static final int LOCKED = 0x80;

  private static final Device DEVICE = DeviceDatabase.bundled().byName("F103xB").orElseThrow();

  private final Device device = DEVICE;
  private final FpecModel model = new FpecModel(device);
  private final SimulatedBus bus =
      new SimulatedBus().attach(model.flash()).attach(model.registers());
  private final FpecDriver driver = new FpecDriver(bus, device);

  @AfterEach
  void theControllerIsLockedAgain() {
    assertEquals(LOCKED, bus.read32(CR));
  }

  private EraseUnit page(int number) {
    return device.flash().unit(number).orElseThrow();
  }

  private static byte[] random(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void erasedPagesTakeRandomDataThatReadsBackEqual() {
    model.array().load(0x0800_0C00L, random(3 * 1024, 1));
    byte[] data = random(3 * 1024, 2);
    for (int p = 3; p <= 5; p++) {
      driver.erase(page(p));
    }
    driver.program(0x0800_0C00L, data);
    assertArrayEquals(data, bus.read(0x0800_0C00L, data.length));
  }

  @Test
  void erasingAPageLeavesItsNeighboursAlone() {
    byte[] before = random(3 * 1024, 3);
    model.array().load(0x0800_0000L, before);
    driver.erase(page(1));
    byte[] expected = before.clone();
    Arrays.fill(expected, 1024, 2048, (byte) 0xFF);
    assertArrayEquals(expected, model.array().read(0x0800_0000L, 3 * 1024));
  }

  @Test
  void massEraseErasesEveryPage() {
    model.array().load(0x0800_0000L, random(128 * 1024, 4));
    driver.massErase();
    assertEquals(true, model.array().erased(0x0800_0000L, 128 * 1024));
  }

  @Test
  void programmingAHalfWordThatIsNotErasedFailsWithPgerrNamingItsAddress() {
    model.array().load(0x0800_0402L, new byte[] {0x34, 0x12});
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(0x0800_0400L, new byte[] {1, 2, 3, 4}));
    assertEquals(List.of("PGERR"), e.flags());
    assertEquals(0x0800_0402L, e.address());
    assertEquals("program at 0x08000402: the half-word was not erased"
        + " (status register 0x00000004: PGERR)", e.getMessage());
    assertArrayEquals(new byte[] {1, 2, 0x34, 0x12}, model.array().read(0x0800_0400L, 4));
  }

  @Test
  void erasingAWriteProtectedPageFailsWithWrprterrAndLeavesItAlone() {
    model.array().load(0x0800_1400L, new byte[] {0});
    model.array().setWriteProtected(5, true);
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.erase(page(5)));
    assertEquals(List.of("WRPRTERR"), e.flags());
    assertEquals("erase at 0x08001400: the page is write-protected"
        + " (status register 0x00000010: WRPRTERR)", e.getMessage());
    assertEquals(0, model.array().get(0x0800_1400L, 1));
  }

  @Test
  void programmingAWriteProtectedPageFailsWithWrprterr() {
    model.array().setWriteProtected(2, true);
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(0x0800_0800L, new byte[] {1, 2}));
    assertEquals(List.of("WRPRTERR"), e.flags());
    assertEquals(0x0800_0800L, e.address());
  }

  @Test
  void aControllerThatStaysBusyTimesOutWithBsy() {
    model.holdBusy();
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(0x0800_0000L, new byte[] {1, 2}));
    assertEquals(List.of("BSY"), e.flags());
    assertEquals("program at 0x08000000: the controller stayed busy for more than 100.525 ms"
        + " (10 x the typical 0.0525 ms + 100 ms) (status register 0x00000001: BSY)",
        e.getMessage());
  }

  @Test
  void aMassEraseMayTakeTenTimesTheDatasheetMassEraseTimePlusTheMargin() {
    model.holdBusy();
    FlashControllerException e = assertThrows(FlashControllerException.class, driver::massErase);
    assertEquals("mass erase at 0x08000000: the controller stayed busy for more than 300 ms"
        + " (10 x the typical 20 ms + 100 ms) (status register 0x00000001: BSY)", e.getMessage());
  }

  @Test
  void aControllerStillBusyFromAnEarlierOperationIsReportedBeforeAnythingIsStarted() {
    model.holdBusy();
    assertThrows(FlashControllerException.class, () -> driver.erase(page(0)));
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.program(0x0800_0000L, new byte[] {1, 2}));
    assertEquals(List.of("BSY"), e.flags());
    assertEquals(0xFFFF, model.array().get(0x0800_0000L, 2));
  }

  @Test
  void aWrongKeyLocksTheControllerUntilReset() {
    assertThrows(DebugAccessException.class, () -> bus.write32(KEYR, 0x1234_5678));
    FlashControllerException e = assertThrows(FlashControllerException.class,
        () -> driver.erase(page(0)));
    assertEquals(List.of(), e.flags());
    assertEquals("erase at 0x08000000: the unlock keys were refused with a bus error (bus fault at"
        + " 0x40022004: the controller is locked until reset by an earlier wrong key): a wrong key"
        + " sequence locks the controller until the next reset (status register 0x00000000)",
        e.getMessage());
    model.reset();
    driver.erase(page(0));
  }

  @Test
  void staleFlagsFromAnEarlierFailureDoNotFailTheNextOperation() {
    model.array().load(0x0800_0000L, new byte[] {0x11, 0x11});
    assertThrows(FlashControllerException.class,
        () -> driver.program(0x0800_0000L, new byte[] {1, 2}));
    driver.program(0x0800_0002L, new byte[] {3, 4});
    assertArrayEquals(new byte[] {0x11, 0x11, 3, 4}, model.array().read(0x0800_0000L, 4));
  }

  @Test
  void anOddAddressIsRefusedBeforeAnyAccess() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> driver.program(0x0800_0001L, new byte[] {1, 2}));
    assertEquals("programming 2 bytes at 0x08000001: address and length must be multiples of 2",
        e.getMessage());
  }

  @Test
  void theDriverProgramsHalfWords() {
    assertEquals(2, driver.programUnit());
  }
}
