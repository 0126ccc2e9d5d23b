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
import org.romflash.swd.sim.FlashWordModel;
import org.romflash.swd.sim.SimulatedBus;

/** The H7 driver against the register model, on a dual-bank H743 unless named. */
class FlashWordDriverTest {
  private static final long CR1 = 0x5200200CL;
  private static final long CR2 = 0x5200210CL;

  private final Device device = device("H743xI");
  private final FlashWordModel model = new FlashWordModel(device);
  private final SimulatedBus bus = new SimulatedBus().attach(model.flash())
      .attach(model.registers());
  private final FlashWordDriver driver = new FlashWordDriver(bus, device);

  private static Device device(String name) {
    return DeviceDatabase.bundled().byName(name).orElseThrow();
  }

  private static byte[] random(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  private EraseUnit sector(int number) {
    return device.flash().unit(number).orElseThrow();
  }

  private boolean bothBanksLocked() {
    return (bus.read32(CR1) & 1) == 1 && (bus.read32(CR2) & 1) == 1;
  }

  @Test
  void erasesAndProgramsRandomDataInSectorsOfBothBanks() {
    model.array().load(0x080FF000L, random(8192, 1));
    driver.erase(sector(7));
    driver.erase(sector(8));
    byte[] endOfBank1 = random(4096, 2);
    byte[] startOfBank2 = random(4096, 3);
    driver.program(0x080FF000L, endOfBank1);
    driver.program(0x08100000L, startOfBank2);
    assertArrayEquals(endOfBank1, bus.read(0x080FF000L, 4096));
    assertArrayEquals(startOfBank2, bus.read(0x08100000L, 4096));
    assertTrue(bothBanksLocked());
  }

  @Test
  void massEraseErasesBothBanks() {
    model.array().load(0x08000000L, new byte[] {1});
    model.array().load(0x081FFFFFL, new byte[] {2});
    driver.massErase();
    assertEquals(0xFF, bus.read8(0x08000000L));
    assertEquals(0xFF, bus.read8(0x081FFFFFL));
    assertTrue(bothBanksLocked());
  }

  @Test
  void aFlashWordThatIsNotErasedIsRefusedBeforeAnythingIsWritten() {
    model.array().load(0x08000045L, new byte[] {0x12});
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> driver.program(0x08000000L, random(128, 4)));
    assertEquals(List.of(), failure.flags());
    assertEquals(0x08000040L, failure.address());
    assertTrue(failure.getMessage().startsWith("program at 0x08000040: the flash word is not"
        + " erased"), failure.getMessage());
    byte[] erased = new byte[64];
    Arrays.fill(erased, (byte) 0xFF);
    assertArrayEquals(erased, bus.read(0x08000000L, 64));
    assertTrue(bothBanksLocked());
  }

  @Test
  void aWriteProtectedSectorFailsWithWrperrOnEraseAndOnProgram() {
    model.array().setWriteProtected(9, true);
    FlashControllerException erase = assertThrows(FlashControllerException.class,
        () -> driver.erase(sector(9)));
    assertEquals(List.of("WRPERR"), erase.flags());
    FlashControllerException program = assertThrows(FlashControllerException.class,
        () -> driver.program(sector(9).address(), new byte[32]));
    assertEquals(List.of("WRPERR"), program.flags());
    assertTrue(program.getMessage().contains("at 0x08120000: the sector is write-protected"));
    assertTrue(bothBanksLocked());
  }

  @Test
  void aControllerThatKeepsQwSetTimesOutWithQwAndIsLockedAfterwards() {
    model.hangNextOperation();
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> driver.program(0x08100000L, new byte[32]));
    assertEquals(List.of("QW"), failure.flags());
    assertTrue(failure.getMessage().contains("bank 2 still had an operation queued after 101 ms"),
        failure.getMessage());
    assertTrue(bothBanksLocked());
  }

  @Test
  void aWrongKeySequenceEarlierKeepsTheBankLockedUntilReset() {
    bus.write32(0x52002004L, 0x11111111);
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> driver.erase(sector(0)));
    assertTrue(failure.getMessage().startsWith("unlock at 0x5200200C: the controller stayed"
        + " locked after the unlock keys"),
        failure.getMessage());
    model.reset();
    driver.erase(sector(0));
    assertTrue(bothBanksLocked());
  }

  @Test
  void anH7a3ProgramsSixteenByteWordsAndErasesItsEightKibSectors() {
    Device h7a3 = device("H7A3xI");
    FlashWordModel h7a3Model = new FlashWordModel(h7a3);
    SimulatedBus h7a3Bus = new SimulatedBus().attach(h7a3Model.flash())
        .attach(h7a3Model.registers());
    FlashWordDriver h7a3Driver = new FlashWordDriver(h7a3Bus, h7a3);
    h7a3Model.array().load(0x0810A000L, random(8192, 5));
    h7a3Driver.erase(h7a3.flash().unit(133).orElseThrow());
    byte[] data = random(8192, 6);
    h7a3Driver.program(0x0810A000L, data);
    assertArrayEquals(data, h7a3Bus.read(0x0810A000L, data.length));
    assertEquals(16, h7a3Driver.programUnit());
  }

  @Test
  void programmingRefusesRangesThatAreMisalignedPartialOrAcrossBanks() {
    assertThrows(IllegalArgumentException.class, () -> driver.program(0x08000010L, new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> driver.program(0x08000000L, new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> driver.program(0x080FFFE0L, new byte[64]));
    assertEquals(32, driver.programUnit());
  }
}
