package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.EraseUnit;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.sim.DoubleWordModel;
import org.romflash.swd.sim.SimulatedBus;

/** The L4/G0/G4/WB/WL driver against the register model, on a dual-bank G474 unless named. */
class DoubleWordDriverTest {
  private static final long CR = 0x40022014L;
  private static final int LOCK = 1 << 31;

  private final Device device = device("G474xE");
  private final DoubleWordModel model = new DoubleWordModel(device);
  private final SimulatedBus bus = new SimulatedBus().attach(model.flash())
      .attach(model.registers());
  private final DoubleWordDriver driver = new DoubleWordDriver(bus, device);

  private static Device device(String name) {
    return DeviceDatabase.bundled().byName(name).orElseThrow();
  }

  private static byte[] random(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  private EraseUnit page(int number) {
    return device.flash().unit(number).orElseThrow();
  }

  private boolean locked() {
    return (bus.read32(CR) & LOCK) != 0;
  }

  @Test
  void erasesAndProgramsRandomDataOverPagesOfBothBanks() {
    long end = page(127).end();
    model.array().load(page(126).address(), random(4 * 2048, 1));
    for (int number = 126; number <= 129; number++) {
      driver.erase(page(number));
    }
    byte[] lastOfBank1 = random(2 * 2048, 2);
    byte[] firstOfBank2 = random(2 * 2048, 3);
    driver.program(page(126).address(), lastOfBank1);
    driver.program(end, firstOfBank2);
    assertArrayEquals(lastOfBank1, bus.read(page(126).address(), lastOfBank1.length));
    assertArrayEquals(firstOfBank2, bus.read(end, firstOfBank2.length));
    assertTrue(locked());
  }

  @Test
  void erasingOnePageLeavesItsNeighboursAlone() {
    byte[] data = random(3 * 2048, 4);
    model.array().load(page(127).address(), data);
    driver.erase(page(128));
    byte[] expected = data.clone();
    Arrays.fill(expected, 2048, 4096, (byte) 0xFF);
    assertArrayEquals(expected, bus.read(page(127).address(), data.length));
  }

  @Test
  void massEraseErasesBothBanks() {
    model.array().load(0x08000000L, new byte[] {1});
    model.array().load(0x0807FFF8L, new byte[] {2});
    driver.massErase();
    assertEquals(0xFF, bus.read8(0x08000000L));
    assertEquals(0xFF, bus.read8(0x0807FFF8L));
    assertTrue(locked());
  }

  @Test
  void programmingADoubleWordThatIsNotErasedFailsWithProgerrNamingItsAddress() {
    model.array().load(0x08000010L, new byte[] {0x5A});
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> driver.program(0x08000000L, random(64, 5)));
    assertEquals(List.of("PROGERR"), failure.flags());
    assertEquals(0x08000010L, failure.address());
    assertEquals("program at 0x08000010: the double word is not erased (ECC double words are"
        + " programmed once per erase) (status register 0x00000008: PROGERR)",
        failure.getMessage());
    assertTrue(locked());
  }

  @Test
  void aWriteProtectedPageFailsWithWrperrOnEraseAndOnProgram() {
    model.array().setWriteProtected(3, true);
    FlashControllerException erase = assertThrows(FlashControllerException.class,
        () -> driver.erase(page(3)));
    assertEquals(List.of("WRPERR"), erase.flags());
    assertTrue(locked());
    FlashControllerException program = assertThrows(FlashControllerException.class,
        () -> driver.program(page(3).address(), new byte[8]));
    assertEquals(List.of("WRPERR"), program.flags());
    assertTrue(program.getMessage().contains("at 0x08001800: the page is write-protected"));
    assertTrue(locked());
  }

  @Test
  void aControllerThatStaysBusyTimesOutWithBsyAndIsLockedAfterwards() {
    model.hangNextOperation();
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> driver.program(0x08000000L, new byte[8]));
    assertEquals(List.of("BSY"), failure.flags());
    assertTrue(failure.getMessage().contains("still busy after 100 ms"), failure.getMessage());
    assertTrue(locked());
  }

  @Test
  void aWrongKeyWrittenEarlierKeepsTheDriverOutUntilReset() {
    assertThrows(DebugAccessException.class, () -> bus.write32(0x40022008L, 0));
    FlashControllerException refused = assertThrows(FlashControllerException.class,
        () -> driver.erase(page(0)));
    assertTrue(refused.getMessage().contains("the unlock keys were refused with a bus error"),
        refused.getMessage());
    assertTrue(locked());
    model.reset();
    driver.erase(page(0));
    assertTrue(locked());
  }

  @Test
  void aG0B1ErasesBankTwoPagesByNumbersFrom256() {
    Device g0 = device("G0B1xE");
    DoubleWordModel g0Model = new DoubleWordModel(g0);
    SimulatedBus g0Bus = new SimulatedBus().attach(g0Model.flash()).attach(g0Model.registers());
    g0Model.array().load(0x08040000L, new byte[] {1, 2, 3});
    new DoubleWordDriver(g0Bus, g0).erase(g0.flash().unit(128).orElseThrow());
    assertArrayEquals(new byte[] {-1, -1, -1}, g0Bus.read(0x08040000L, 3));
  }

  @Test
  void aWb55IsProgrammedThroughItsRegistersAt0x58004000() {
    Device wb = device("WB55xG");
    DoubleWordModel wbModel = new DoubleWordModel(wb);
    SimulatedBus wbBus = new SimulatedBus().attach(wbModel.flash()).attach(wbModel.registers());
    DoubleWordDriver wbDriver = new DoubleWordDriver(wbBus, wb);
    byte[] data = random(4096, 6);
    wbDriver.erase(wb.flash().unit(255).orElseThrow());
    wbDriver.program(0x080FF000L, data);
    assertArrayEquals(data, wbBus.read(0x080FF000L, data.length));
    assertEquals(LOCK, wbBus.read32(0x58004014L) & LOCK);
  }

  @Test
  void misalignedOrPartialDoubleWordsAreRefusedBeforeTouchingTheChip() {
    assertThrows(IllegalArgumentException.class, () -> driver.program(0x08000004L, new byte[8]));
    assertThrows(IllegalArgumentException.class, () -> driver.program(0x08000000L, new byte[4]));
    assertEquals(8, driver.programUnit());
  }
}
