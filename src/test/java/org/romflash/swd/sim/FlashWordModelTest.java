package org.romflash.swd.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;

/** The H7 controller model, driven register by register as RM0433 section 4.3 describes. */
class FlashWordModelTest {
  private static final long BANK1 = 0x52002000L;
  private static final long BANK2 = 0x52002100L;
  private static final long FLASH = 0x08000000L;
  private static final int START = 1 << 7;

  private final FlashWordModel model = new FlashWordModel(device("H743xI"), 2);
  private final SimulatedBus bus = new SimulatedBus().attach(model.flash())
      .attach(model.registers());

  private static Device device(String name) {
    return DeviceDatabase.bundled().byName(name).orElseThrow();
  }

  private static void unlock(SimulatedBus bus, long bank) {
    bus.write32(bank + 0x04, 0x45670123);
    bus.write32(bank + 0x04, 0xCDEF89AB);
  }

  private void unlockWithPg(long bank) {
    unlock(bus, bank);
    bus.write32(bank + 0x0C, FlashWordBank.PG | 0b10 << 4);
  }

  private void writeWords(long address, int count, int value) {
    for (int i = 0; i < count; i++) {
      bus.write32(address + 4L * i, value + i);
    }
  }

  private List<Integer> statusReads(long bank, int count) {
    List<Integer> reads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      reads.add(bus.read32(bank + 0x10));
    }
    return reads;
  }

  @Test
  void eachBankHasItsOwnLockAndCrStartsLockedWithPsizeX64() {
    assertEquals(0x31, bus.read32(BANK1 + 0x0C));
    unlock(bus, BANK1);
    assertEquals(0x30, bus.read32(BANK1 + 0x0C));
    assertEquals(0x31, bus.read32(BANK2 + 0x0C));
  }

  @Test
  void keysWrittenTwiceKeepTheBankLockedUntilReset() {
    unlock(bus, BANK1);
    unlock(bus, BANK1);
    assertEquals(1, bus.read32(BANK1 + 0x0C) & 1);
    unlock(bus, BANK1);
    assertEquals(1, bus.read32(BANK1 + 0x0C) & 1);
    model.reset();
    unlock(bus, BANK1);
    assertEquals(0, bus.read32(BANK1 + 0x0C) & 1);
  }

  @Test
  void eightWordsFillTheBufferThenQwShowsForTwoReadsThenEop() {
    unlockWithPg(BANK1);
    writeWords(FLASH, 7, 0x100);
    assertEquals(FlashWordBank.WBNE, bus.read32(BANK1 + 0x10));
    bus.write32(FLASH + 28, 0x107);
    int busy = FlashWordBank.BSY | FlashWordBank.QW;
    assertEquals(List.of(busy, busy, FlashWordBank.EOP), statusReads(BANK1, 3));
    assertEquals(0x103, bus.read32(FLASH + 12));
  }

  @Test
  void halfWordsMayFillTheBufferToo() {
    unlockWithPg(BANK2);
    for (int i = 0; i < 16; i++) {
      bus.write16(0x08100000L + 2L * i, 0xA5A5);
    }
    statusReads(BANK2, 3);
    assertEquals(0xA5A5A5A5, bus.read32(0x0810001CL));
  }

  @Test
  void aWriteIntoAnotherFlashWordBeforeTheBufferIsCompleteGivesIncerr() {
    unlockWithPg(BANK1);
    writeWords(FLASH, 4, 0);
    bus.write32(FLASH + 32, 0);
    assertEquals(FlashWordBank.INCERR, bus.read32(BANK1 + 0x10));
    assertEquals(-1, bus.read32(FLASH));
  }

  @Test
  void aByteWrittenTwiceIntoTheBufferGivesStrberr() {
    unlockWithPg(BANK1);
    bus.write32(FLASH, 0);
    bus.write8(FLASH + 2, 0);
    assertEquals(FlashWordBank.STRBERR, bus.read32(BANK1 + 0x10));
  }

  @Test
  void aFlashWriteWithoutPgGivesPgserr() {
    bus.write32(FLASH, 0);
    assertEquals(FlashWordBank.PGSERR, bus.read32(BANK1 + 0x10));
    assertEquals(-1, bus.read32(FLASH));
  }

  @Test
  void aFlashWordProgrammedTwiceRaisesNoFlagButReadsAsADoubleEccErrorUntilErased() {
    unlockWithPg(BANK1);
    writeWords(FLASH, 8, 0x0F0F0F0F);
    statusReads(BANK1, 3);
    bus.write32(BANK1 + 0x14, FlashWordBank.EOP);
    writeWords(FLASH, 8, 0x00FF00FF);
    assertEquals(List.of(FlashWordBank.BSY | FlashWordBank.QW, FlashWordBank.QW
        | FlashWordBank.BSY, FlashWordBank.EOP), statusReads(BANK1, 3));
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH + 4));
    assertEquals(FlashWordBank.EOP | FlashWordBank.DBECCERR, bus.read32(BANK1 + 0x10));
    bus.write32(BANK1 + 0x0C, FlashWordBank.SER | START);
    assertEquals(-1, bus.read32(FLASH + 4));
  }

  @Test
  void sectorEraseSelectsTheSectorInsideItsBank() {
    byte[] marks = {1};
    model.array().load(0x08160000L, marks);
    model.array().load(0x08060000L, marks);
    unlock(bus, BANK2);
    bus.write32(BANK2 + 0x0C, FlashWordBank.SER | 3 << 8 | START);
    assertArrayEquals(new byte[] {-1}, bus.read(0x08160000L, 1));
    assertArrayEquals(marks, bus.read(0x08060000L, 1));
  }

  @Test
  void aWriteProtectedSectorGivesWrperrOnProgramAndOnErase() {
    model.array().setWriteProtected(8, true);
    unlockWithPg(BANK2);
    writeWords(0x08100000L, 8, 0);
    assertEquals(FlashWordBank.WRPERR, bus.read32(BANK2 + 0x10));
    bus.write32(BANK2 + 0x14, -1);
    bus.write32(BANK2 + 0x0C, FlashWordBank.BER | START);
    assertEquals(FlashWordBank.WRPERR, bus.read32(BANK2 + 0x10));
  }

  @Test
  void anH7a3TakesSixteenByteWordsAndStartsAtBitFiveWithTheSectorFromBitSix() {
    FlashWordModel h7a3 = new FlashWordModel(device("H7A3xI"), 2);
    SimulatedBus h7a3Bus = new SimulatedBus().attach(h7a3.flash()).attach(h7a3.registers());
    h7a3.array().load(0x0810A000L, new byte[] {7});
    unlock(h7a3Bus, BANK2);
    h7a3Bus.write32(BANK2 + 0x0C, FlashWordBank.SER | 5 << 6 | 1 << 5);
    assertEquals(0xFF, h7a3Bus.read8(0x0810A000L));
    assertEquals(FlashWordBank.BSY | FlashWordBank.QW, h7a3Bus.read32(BANK2 + 0x10));
    assertEquals(FlashWordBank.BSY | FlashWordBank.QW, h7a3Bus.read32(BANK2 + 0x10));
    assertEquals(FlashWordBank.EOP, h7a3Bus.read32(BANK2 + 0x10));
    h7a3Bus.write32(BANK2 + 0x14, FlashWordBank.EOP);
    h7a3Bus.write32(BANK2 + 0x0C, FlashWordBank.PG);
    for (int i = 0; i < 4; i++) {
      h7a3Bus.write32(0x08100000L + 4L * i, i);
    }
    assertEquals(FlashWordBank.BSY | FlashWordBank.QW, h7a3Bus.read32(BANK2 + 0x10));
  }
}
