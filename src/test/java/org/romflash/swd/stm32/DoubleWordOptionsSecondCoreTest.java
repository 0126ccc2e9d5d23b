package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.sim.DoubleWordModel;
import org.romflash.swd.sim.SimulatedBus;

/** On the WB55, whose flash and option bytes CPU2 shares (RM0434), at 0x1FFF8000. */
class DoubleWordOptionsSecondCoreTest {
  private static final long CR = 0x58004014L;
  private static final int LOCKS = 1 << 31 | 1 << 30;
  private static final int SFR = 0x70;

  private final Device device = DeviceDatabase.bundled().byName("WB55xG").orElseThrow();
  private final DoubleWordModel model = new DoubleWordModel(device);
  private final SimulatedBus bus = new SimulatedBus().attach(model.flash())
      .attach(model.registers()).attach(model.optionArea());
  private final WriteCountingMemory memory = new WriteCountingMemory(bus);
  private final OptionProgrammer options = new DoubleWordDriver(memory, device).options()
      .orElseThrow();

  @Test
  void itsUserOptionsAreProgrammedAndReadBackAt0x1FFF8000() {
    byte[] image = DoubleWordOptionsTest.withWord(options.read(), 0, 0xFF6FF8AA);
    options.program(image, false);
    assertArrayEquals(image, options.read());
    assertEquals(0xFF6FF8AA, bus.read32(0x1FFF8000L));
    assertEquals(LOCKS, bus.read32(CR) & LOCKS);
  }

  @Test
  void flashOperationsSuspendedByCpu2StopTheChangeBeforeAnythingIsWritten() {
    byte[] before = options.read();
    model.suspendFlashOperations(true);
    FlashControllerException failure = assertThrows(FlashControllerException.class,
        () -> options.program(DoubleWordOptionsTest.withWord(before, 0, 0xFF6FF8AA), false));
    assertEquals(List.of("PESD"), failure.flags());
    assertEquals(0, memory.writes());
    assertEquals(LOCKS, bus.read32(CR) & LOCKS);
    assertArrayEquals(before, options.read());
  }

  @Test
  void anImageThatChangesCpu2sSecureFlashStartIsRefusedBeforeAnythingIsWritten() {
    byte[] image = DoubleWordOptionsTest.withWord(options.read(), SFR, 0xFFFFFF80);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> options.program(image, false));
    assertTrue(refused.getMessage().startsWith("the option image changes SFR at 0x1FFF8070"),
        refused.getMessage());
    assertEquals(0, memory.writes());
  }
}
