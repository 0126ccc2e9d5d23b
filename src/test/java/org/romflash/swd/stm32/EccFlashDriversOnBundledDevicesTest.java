package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.EraseUnit;
import org.romflash.swd.DebugMemory;
import org.romflash.swd.sim.DoubleWordModel;
import org.romflash.swd.sim.FlashControllerModel;
import org.romflash.swd.sim.FlashWordModel;
import org.romflash.swd.sim.SimulatedBus;

/**
 * Every bundled L4, G0, G4, WB, WL and H7 entry: its driver erases the first and the last erase
 * unit on its model (filled with other data first) and programs both whole with random data.
 */
class EccFlashDriversOnBundledDevicesTest {
  private static final Set<String> DOUBLE_WORD =
      Set.of("STM32L4", "STM32G0", "STM32G4", "STM32WB", "STM32WL");

  static Stream<Named<Device>> entries() {
    return DeviceDatabase.bundled().all().stream()
        .filter(d -> DOUBLE_WORD.contains(d.family()) || d.family().equals("STM32H7"))
        .map(d -> Named.of(d.name(), d));
  }

  /** Why an entry of these families is not programmed, or null when it is. */
  private static String unsupported(Device device) {
    boolean doubleWord = DOUBLE_WORD.contains(device.family());
    if (doubleWord && device.programWord() != 8) {
      return device.name() + ": program word " + device.programWord()
          + ", not the double word of this controller generation";
    }
    if (!doubleWord && device.programWord() != 32 && device.programWord() != 16) {
      return device.name() + ": an H7 flash word of " + device.programWord()
          + " bytes is not one of RM0433/RM0468 (32) or RM0455 (16)";
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void erasesAndProgramsTheFirstAndLastUnit(Device device) {
    String reason = unsupported(device);
    assumeTrue(reason == null, reason);
    boolean doubleWord = DOUBLE_WORD.contains(device.family());
    FlashControllerModel model = doubleWord ? new DoubleWordModel(device)
        : new FlashWordModel(device);
    DebugMemory bus = new SimulatedBus().attach(model.flash()).attach(model.registers());
    FlashDriver driver = doubleWord ? new DoubleWordDriver(bus, device)
        : new FlashWordDriver(bus, device);
    List<EraseUnit> units = device.flash().units();
    Random random = new Random(device.pid());
    for (EraseUnit unit : List.of(units.get(0), units.get(units.size() - 1))) {
      byte[] old = new byte[(int) unit.size()];
      random.nextBytes(old);
      model.array().load(unit.address(), old);
      driver.erase(unit);
      byte[] data = new byte[(int) unit.size()];
      random.nextBytes(data);
      driver.program(unit.address(), data);
      assertArrayEquals(data, bus.read(unit.address(), data.length), unit.toString());
    }
  }
}
