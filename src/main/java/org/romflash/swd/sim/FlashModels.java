package org.romflash.swd.sim;

import org.romflash.device.Device;

/** Picks the simulated flash controller for a device entry, by its controller generation. */
public final class FlashModels {
  private FlashModels() {}

  /** @throws UnsupportedOperationException naming the family when no model simulates it yet */
  public static FlashControllerModel forDevice(Device device) {
    throw new UnsupportedOperationException("no simulated flash controller for STM32"
        + device.name() + " (" + device.family() + ") yet");
  }
}
