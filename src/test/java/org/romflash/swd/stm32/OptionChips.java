package org.romflash.swd.stm32;

import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.OptionField;
import org.romflash.device.OptionImage;
import org.romflash.swd.sim.SimulatedChip;

/**
 * Simulated chips (their option area on the bus, as {@link SimulatedChip} attaches it), and
 * option images edited by field name, for the option-programming tests.
 */
final class OptionChips {
  private OptionChips() {}

  static Device device(String name) {
    return DeviceDatabase.bundled().byName(name).orElseThrow();
  }

  static SimulatedChip chip(Device device) {
    return new SimulatedChip(device);
  }

  /** {@code image} with the field called {@code name} set to {@code value}, complements redone. */
  static byte[] with(Device device, byte[] image, String name, long value) {
    OptionField field = device.options().field(name).orElseThrow();
    return new OptionImage(device.options(), image).with(field, value).withComplements().bytes();
  }

  static long value(Device device, byte[] image, String name) {
    return new OptionImage(device.options(), image)
        .value(device.options().field(name).orElseThrow());
  }
}
