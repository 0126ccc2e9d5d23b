package org.romflash.swd.stm32;

import org.romflash.device.Device;
import org.romflash.swd.DebugMemory;

/** Picks the flash driver for a device entry, by its controller generation. */
public final class FlashDrivers {
  private FlashDrivers() {}

  /**
   * @throws UnsupportedOperationException naming the family when no driver programs it yet
   */
  public static FlashDriver forDevice(Device device, DebugMemory memory) {
    throw new UnsupportedOperationException("programming STM32" + device.name() + " ("
        + device.family() + ") through a debug probe is not supported yet");
  }
}
