package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.EraseUnit;
import org.romflash.swd.sim.FpecModel;
import org.romflash.swd.sim.SimulatedBus;

/** Every bundled F0/F1/F3 entry: its first and last page erased and programmed. */
class FpecDriverDevicesTest {

  static Stream<Device> devices() {
    List<Device> devices = DeviceDatabase.bundled().all().stream()
        .filter(d -> FpecDriver.FAMILIES.contains(d.family())).toList();
    assertEquals(true, devices.size() >= 20, "F0/F1/F3 entries found: " + devices.size());
    return devices.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void theFirstAndLastPageAreErasedAndProgrammed(Device device) {
    FpecModel model = new FpecModel(device);
    SimulatedBus bus = new SimulatedBus().attach(model.flash()).attach(model.registers());
    FpecDriver driver = new FpecDriver(bus, device);
    List<EraseUnit> units = device.flash().units();
    Random random = new Random(device.pid());
    for (EraseUnit unit : List.of(units.get(0), units.get(units.size() - 1))) {
      byte[] old = new byte[(int) unit.size()];
      random.nextBytes(old);
      model.array().load(unit.address(), old);
      driver.erase(unit);
      assertEquals(true, model.array().erased(unit.address(), (int) unit.size()));
      byte[] data = new byte[(int) unit.size()];
      random.nextBytes(data);
      driver.program(unit.address(), data);
      assertArrayEquals(data, bus.read(unit.address(), data.length));
    }
    for (int bank = 0; bank < device.flash().bankCount(); bank++) {
      assertEquals(0x80, bus.read32(FpecDriver.REGISTERS + 0x10 + bank * 0x40));
    }
  }
}
