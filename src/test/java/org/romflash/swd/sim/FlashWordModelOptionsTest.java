package org.romflash.swd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;

/** The H7 model's option registers, driven as RM0433 4.4 describes an option byte change. */
class FlashWordModelOptionsTest {
  private static final long OPTKEYR = 0x52002008L;
  private static final long OPTCR = 0x52002018L;
  private static final long OPTSR_CUR = 0x5200201CL;
  private static final long OPTSR_PRG = 0x52002020L;
  private static final long OPTCCR = 0x52002024L;
  private static final long WPSN_PRG2 = 0x5200213CL;
  private static final long BOOT_CUR = 0x52002040L;
  private static final long BOOT_PRG = 0x52002044L;
  private static final long FLASH = 0x08000000L;
  private static final int FACTORY_OPTSR = 0x1BC6AAF0;

  private final Device device = DeviceDatabase.bundled().byName("H743xI").orElseThrow();
  private final FlashWordModel model = new FlashWordModel(device, 2);
  private final SimulatedBus bus = new SimulatedBus().attach(model.flash())
      .attach(model.registers());

  private void unlockOptions() {
    bus.write32(OPTKEYR, 0x08192A3B);
    bus.write32(OPTKEYR, 0x4C5D6E7F);
  }

  /** Unlocks, writes {@code value} to {@code register} and starts the change. */
  private void change(long register, int value) {
    unlockOptions();
    bus.write32(register, value);
    bus.write32(OPTCR, FlashWordOptionRegisters.OPTSTART);
  }

  private void changeAndWait(long register, int value) {
    change(register, value);
    while ((bus.read32(OPTSR_CUR) & 1) != 0) {
      Thread.onSpinWait();
    }
    bus.write32(OPTCR, FlashWordOptionRegisters.OPTLOCK);
  }

  private List<Integer> statusReads(int count) {
    List<Integer> reads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      reads.add(bus.read32(OPTSR_CUR));
    }
    return reads;
  }

  @Test
  void prgRegistersIgnoreWritesUntilTheOptionKeysClearOptlock() {
    assertEquals(FlashWordOptionRegisters.OPTLOCK, bus.read32(OPTCR));
    bus.write32(BOOT_PRG, 0x12345678);
    assertEquals(0x1FF00800, bus.read32(BOOT_PRG));
    unlockOptions();
    assertEquals(0, bus.read32(OPTCR));
    bus.write32(BOOT_PRG, 0x12345678);
    assertEquals(List.of(0x1FF00800, 0x12345678), List.of(bus.read32(BOOT_CUR),
        bus.read32(BOOT_PRG)));
  }

  @Test
  void aWrongOptionKeyLocksUntilResetWithoutABusError() {
    bus.write32(OPTKEYR, 0x0BADC0DE);
    unlockOptions();
    assertEquals(FlashWordOptionRegisters.OPTLOCK, bus.read32(OPTCR));
    model.reset();
    unlockOptions();
    assertEquals(0, bus.read32(OPTCR));
  }

  @Test
  void optstartCopiesPrgIntoCurAndShowsOptBusyForTwoReads() {
    change(BOOT_PRG, 0x1FF00810);
    assertEquals(List.of(FACTORY_OPTSR | 1, FACTORY_OPTSR | 1, FACTORY_OPTSR), statusReads(3));
    assertEquals(0x1FF00810, bus.read32(BOOT_CUR));
  }

  @Test
  void statusBitsOfOptsrPrgAreNotProgrammed() {
    change(OPTSR_PRG, FACTORY_OPTSR | 1 << 30 | 1);
    assertEquals(FACTORY_OPTSR, bus.read32(OPTSR_PRG));
  }

  @Test
  void level1MakesFlashFaultAndGoingBackTo0ErasesIt() {
    model.array().load(FLASH, new byte[] {1, 2, 3, 4});
    changeAndWait(OPTSR_PRG, FACTORY_OPTSR & ~0xFF00 | 0xBB00);
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    assertEquals(0xBB, bus.read32(OPTSR_CUR) >>> 8 & 0xFF);
    changeAndWait(OPTSR_PRG, FACTORY_OPTSR);
    assertEquals(-1, bus.read32(FLASH));
  }

  @Test
  void level2DisablesDebugAccessToTheRegistersAndTheFlash() {
    change(OPTSR_PRG, FACTORY_OPTSR & ~0xFF00 | 0xCC00);
    assertThrows(DebugAccessException.class, () -> bus.read32(OPTSR_CUR));
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
  }

  @Test
  void clearedWpsnBitsWriteProtectTheirSectorsOfTheirBank() {
    change(WPSN_PRG2, 0xFF & ~(1 << 3));
    List<Boolean> bank2 = device.flash().units().stream().filter(u -> u.bank() == 2)
        .map(model.array()::writeProtected).toList();
    assertEquals(List.of(false, false, false, true, false, false, false, false), bank2);
  }

  @Test
  void aRefusedChangeSetsOptchangeerrUntilOptccrClearsIt() {
    model.failNextOptionChange();
    change(BOOT_PRG, 0);
    statusReads(2);
    assertEquals(FACTORY_OPTSR | 1 << 30, bus.read32(OPTSR_CUR));
    assertEquals(0x1FF00800, bus.read32(BOOT_CUR));
    bus.write32(OPTCCR, 1 << 30);
    assertEquals(FACTORY_OPTSR, bus.read32(OPTSR_CUR));
  }

  @Test
  void aResetLocksAgainAndReloadsPrgFromCur() {
    unlockOptions();
    bus.write32(BOOT_PRG, 0);
    model.reset();
    assertEquals(List.of(FlashWordOptionRegisters.OPTLOCK, 0x1FF00800),
        List.of(bus.read32(OPTCR), bus.read32(BOOT_PRG)));
  }
}
