package org.romflash.swd.sim;

import org.romflash.device.Device;

/** Simulated chips for the probe-path tests. */
public final class TestChips {
  private TestChips() {}

  /** The device's chip with a flash that takes any write (no controller): for debug-layer tests. */
  public static SimulatedChip withPlainFlash(Device device) {
    return new SimulatedChip(device, new PlainFlashModel(device));
  }
}
