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
import org.romflash.swd.sim.SectorFlashModel;
import org.romflash.swd.sim.SimulatedBus;

/** Every bundled F2/F4/F7 entry: its first and last sector erased, and 4 KiB of each programmed. */
class SectorFlashDriverDevicesTest {
  private static final int PROGRAMMED = 4096;

  static Stream<Device> devices() {
    List<Device> devices = DeviceDatabase.bundled().all().stream()
        .filter(d -> SectorFlashDriver.FAMILIES.contains(d.family())).toList();
    assertEquals(true, devices.size() >= 13, "F2/F4/F7 entries found: " + devices.size());
    return devices.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void theFirstAndLastSectorAreErasedAndProgrammed(Device device) {
    SectorFlashModel model = new SectorFlashModel(device);
    SimulatedBus bus = new SimulatedBus().attach(model.flash()).attach(model.registers());
    SectorFlashDriver driver = new SectorFlashDriver(bus, device);
    List<EraseUnit> units = device.flash().units();
    Random random = new Random(device.pid());
    for (EraseUnit unit : List.of(units.get(0), units.get(units.size() - 1))) {
      byte[] old = new byte[(int) unit.size()];
      random.nextBytes(old);
      model.array().load(unit.address(), old);
      driver.erase(unit);
      assertEquals(true, model.array().erased(unit.address(), (int) unit.size()));
      byte[] data = new byte[PROGRAMMED];
      random.nextBytes(data);
      long at = unit.end() - PROGRAMMED;
      driver.program(at, data);
      assertArrayEquals(data, bus.read(at, data.length));
    }
    assertEquals(0x8000_0000, bus.read32(SectorFlashDriver.REGISTERS + 0x10));
  }
}
