package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.OptionField;
import org.romflash.device.OptionImage;
import org.romflash.swd.sim.DoubleWordModel;
import org.romflash.swd.sim.FlashWordModel;
import org.romflash.swd.sim.SimulatedBus;

/**
 * Every bundled L4, G0, G4, WB, WL and H7 entry: its driver's option programmer changes one user
 * option bit (nBOOT1, or BOOT_ADD0's lowest bit on the H7) on its model, reads it back changed,
 * restores the area as it was and reads back the very bytes it started from.
 */
class EccOptionBytesOnBundledDevicesTest {
  private static final Set<String> DOUBLE_WORD =
      Set.of("STM32L4", "STM32G0", "STM32G4", "STM32WB", "STM32WL");

  static Stream<Named<Device>> entries() {
    return DeviceDatabase.bundled().all().stream()
        .filter(d -> DOUBLE_WORD.contains(d.family()) || d.family().equals("STM32H7"))
        .map(d -> Named.of(d.name(), d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void changesOneUserBitAndRestoresIt(Device device) {
    boolean doubleWord = DOUBLE_WORD.contains(device.family());
    SimulatedBus bus = new SimulatedBus();
    if (doubleWord) {
      DoubleWordModel model = new DoubleWordModel(device);
      bus.attach(model.flash()).attach(model.registers()).attach(model.optionArea());
    } else {
      FlashWordModel model = new FlashWordModel(device);
      bus.attach(model.flash()).attach(model.registers());
    }
    OptionProgrammer options = FlashDrivers.forDevice(device, bus).options().orElseThrow();
    OptionField field = device.options().field(doubleWord ? "nBOOT1" : "BOOT_ADD0")
        .orElseThrow();
    byte[] before = options.read();
    long value = new OptionImage(device.options(), before).value(field);

    options.program(new OptionImage(device.options(), before).with(field, value ^ 1).bytes(),
        false);
    assertEquals(value ^ 1, new OptionImage(device.options(), options.read()).value(field));
    options.program(before, false);
    assertArrayEquals(before, options.read());
    assertTrue(locked(device, bus, doubleWord));
  }

  private static boolean locked(Device device, SimulatedBus bus, boolean doubleWord) {
    if (doubleWord) {
      long cr = DoubleWordRegisters.forFamily(device.family()).controlRegister();
      return (bus.read32(cr) & (1 << 31 | 1 << 30)) == (1 << 31 | 1 << 30);
    }
    return (bus.read32(0x52002018L) & 1) == 1;
  }
}
