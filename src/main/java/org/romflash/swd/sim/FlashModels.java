package org.romflash.swd.sim;

import org.romflash.device.Device;

/** Picks the simulated flash controller for a device entry, by its controller generation. */
public final class FlashModels {
  private FlashModels() {}

  /** @throws UnsupportedOperationException naming the family when no model simulates it yet */
  public static FlashControllerModel forDevice(Device device) {
    return switch (device.family()) {
      case "STM32F0", "STM32F1", "STM32F3" -> new FpecModel(device);
      case "STM32F2", "STM32F4", "STM32F7" -> new SectorFlashModel(device);
      case "STM32L4", "STM32G0", "STM32G4", "STM32WB", "STM32WL" -> new DoubleWordModel(device);
      case "STM32H7" -> new FlashWordModel(device);
      default -> throw new UnsupportedOperationException("no simulated flash controller for"
          + " STM32" + device.name() + " (" + device.family() + ") yet");
    };
  }
}
