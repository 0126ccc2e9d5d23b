package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.sim.FlashWordModel;
import org.romflash.swd.sim.SimulatedBus;

/**
 * The H7 option programmer against the model, on an H743 (area 0x5200201C-0x52002047: OPTSR_CUR
 * +0x00, OPTSR_PRG +0x04, OPTCCR +0x08, PRAR1 +0x0C/+0x10, SCAR1 +0x14/+0x18, WPSN1 +0x1C/+0x20,
 * BOOT +0x24/+0x28).
 */
class FlashWordOptionsTest {
  private static final long FLASH = 0x08000000L;
  private static final int OPTSR = 0x00;
  private static final int WPSN1 = 0x1C;
  private static final int BOOT = 0x24;
  private static final int FACTORY_OPTSR = 0x1BC6AAF0;

  private final Device device = DeviceDatabase.bundled().byName("H743xI").orElseThrow();
  private final FlashWordModel model = new FlashWordModel(device);
  private final SimulatedBus bus = new SimulatedBus().attach(model.flash())
      .attach(model.registers());
  private final OptionProgrammer options = new FlashWordDriver(bus, device).options()
      .orElseThrow();

  /** {@code image} with the _CUR word at {@code offset} and its _PRG word after it set. */
  private static byte[] withCurrent(byte[] image, int offset, int value) {
    byte[] changed = image.clone();
    for (int b = 0; b < 4; b++) {
      changed[offset + b] = (byte) (value >>> 8 * b);
      changed[offset + 4 + b] = (byte) (value >>> 8 * b);
    }
    return changed;
  }

  private byte[] withRdp(int rdp) {
    return withCurrent(options.read(), OPTSR, FACTORY_OPTSR & ~0xFF00 | rdp << 8);
  }

  /** OPTLOCK and both banks' LOCK are set. */
  private boolean locked() {
    return (bus.read32(0x52002018L) & 1) == 1 && (bus.read32(0x5200200CL) & 1) == 1
        && (bus.read32(0x5200210CL) & 1) == 1;
  }

  @Test
  void readGivesTheRegisterBlockFromOptsrCurToBootPrg() {
    byte[] area = options.read();
    assertEquals(44, area.length);
    assertArrayEquals(new byte[] {(byte) 0xF0, (byte) 0xAA, (byte) 0xC6, 0x1B},
        java.util.Arrays.copyOf(area, 4));
    assertArrayEquals(new byte[] {0x00, 0x08, (byte) 0xF0, 0x1F},
        java.util.Arrays.copyOfRange(area, BOOT, BOOT + 4));
  }

  @Test
  void anRdpUserWpsnAndBootChangeReadsBackWithThePrgWordsEqualToTheCurrentOnes() {
    byte[] image = withCurrent(options.read(), OPTSR, FACTORY_OPTSR & ~0xFF10 | 0xBB00);
    image = withCurrent(image, WPSN1, 0xFB);
    image = withCurrent(image, BOOT, 0x1FF00810);
    options.program(image, false);
    assertArrayEquals(image, options.read());
    assertTrue(locked());
  }

  @Test
  void aWpsnBitClearedThroughTheOptionsMakesALaterProgramOfItsSectorFailWithWrperr() {
    options.program(withCurrent(options.read(), WPSN1, 0xFB), false);
    FlashWordDriver driver = new FlashWordDriver(bus, device);
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> driver.program(FLASH + 2 * 0x20000, new byte[32]));
    assertEquals(List.of("WRPERR"), failure.flags());
    driver.program(FLASH + 3 * 0x20000, new byte[32]);
  }

  @Test
  void raisingReadProtectionToLevel1MakesDebugReadsOfTheFlashFault() {
    options.program(withRdp(0xBB), false);
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    assertTrue(locked());
  }

  @Test
  void loweringReadProtectionToLevel0MassErasesTheFlashAndReadsWorkAgain() {
    model.array().load(0x08100000L, new byte[] {1, 2, 3, 4});
    options.program(withRdp(0xBB), false);
    options.program(withRdp(0xAA), false);
    assertEquals(-1, bus.read32(0x08100000L));
    assertTrue(model.array().erased(FLASH, (int) device.flash().size()));
    assertTrue(locked());
  }

  @Test
  void level2IsRefusedWithoutTheConfirmationBeforeAnythingIsWritten() {
    WriteCountingMemory memory = new WriteCountingMemory(bus);
    OptionProgrammer counted = new FlashWordDriver(memory, device).options().orElseThrow();
    byte[] before = options.read();
    assertThrows(IllegalArgumentException.class, () -> counted.program(withRdp(0xCC), false));
    assertEquals(0, memory.writes());
    assertArrayEquals(before, options.read());
  }

  @Test
  void level2IsProgrammedWithTheConfirmationAndThenDebugAccessIsGone() {
    options.program(withRdp(0xCC), true);
    assertThrows(DebugAccessException.class, () -> bus.read32(FLASH));
    assertThrows(DebugAccessException.class, options::read);
  }

  @Test
  void aRefusedChangeFailsWithOptchangeerrAndLeavesTheLocksSet() {
    model.failNextOptionChange();
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> options.program(withRdp(0xBB), false));
    assertEquals(List.of("OPTCHANGEERR"), failure.flags());
    assertTrue(locked());
    options.program(withRdp(0xBB), false);
  }

  @Test
  void aChangeThatNeverEndsFailsWithOptBusyAndLeavesTheLocksSet() {
    model.hangNextOptionChange();
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> options.program(withRdp(0xBB), false));
    assertEquals(List.of("OPT_BUSY"), failure.flags());
    assertTrue(locked());
  }

  @Test
  void anEarlierWrongOptionKeyKeepsOptlockSetUntilResetAndTheDriverSaysSo() {
    bus.write32(0x52002008L, 0);
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> options.program(withRdp(0xBB), false));
    assertTrue(failure.getMessage().startsWith("unlock OPTLOCK at 0x52002018: OPTLOCK stayed set"),
        failure.getMessage());
    assertTrue(locked());
    model.reset();
    options.program(withRdp(0xBB), false);
  }
}
