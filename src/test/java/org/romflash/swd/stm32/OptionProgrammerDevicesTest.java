package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.OptionField;
import org.romflash.swd.sim.SimulatedBus;

/**
 * Every bundled F0/F1/F3/F2/F4/F7 entry, on a simulated chip with its option area attached: one
 * write-protection bit (or, where the entry names none, one user bit) changed and put back, the
 * area reading what was programmed each time and the controller locked afterwards.
 */
class OptionProgrammerDevicesTest {

  static Stream<Device> devices() {
    List<Device> devices = DeviceDatabase.bundled().all().stream()
        .filter(d -> FpecDriver.FAMILIES.contains(d.family())
            || SectorFlashDriver.FAMILIES.contains(d.family()))
        .toList();
    assertEquals(true, devices.size() >= 35, "F0/F1/F3/F2/F4/F7 entries: " + devices.size());
    return devices.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void oneOptionBitChangesAndIsPutBack(Device device) {
    SimulatedBus bus = OptionChips.chip(device).bus();
    boolean fpec = FpecDriver.FAMILIES.contains(device.family());
    FlashDriver driver = fpec ? new FpecDriver(bus, device) : new SectorFlashDriver(bus, device);
    OptionProgrammer options = driver.options().orElseThrow();
    byte[] before = options.read();
    OptionField field = Stream.of("nWRP", "WRP0", "USER")
        .flatMap(name -> device.options().field(name).stream()).findFirst().orElseThrow();
    long value = OptionChips.value(device, before, field.name());
    byte[] changed = OptionChips.with(device, before, field.name(),
        value ^ 1L << (field.width() - 1));
    assertNotEquals(List.of(before), List.of(changed));

    options.program(changed, false);
    assertArrayEquals(changed, options.read());
    assertArrayEquals(changed, bus.read(device.optionBytes().start(), changed.length));
    options.program(before, false);
    assertArrayEquals(before, options.read());

    if (fpec) {
      assertEquals(0x80, bus.read32(FpecDriver.REGISTERS + 0x10));
    } else {
      assertEquals(List.of(0x8000_0000, 1), List.of(bus.read32(SectorFlashDriver.REGISTERS + 0x10),
          bus.read32(SectorFlashDriver.REGISTERS + 0x14) & 1));
    }
  }
}
