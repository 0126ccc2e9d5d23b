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
    return switch (device.family()) {
      case "STM32F0", "STM32F1", "STM32F3" -> new FpecDriver(memory, device);
      case "STM32F2", "STM32F4", "STM32F7" -> new SectorFlashDriver(memory, device);
      case "STM32L4", "STM32G0", "STM32G4", "STM32WB", "STM32WL" ->
          new DoubleWordDriver(memory, device);
      case "STM32H7" -> new FlashWordDriver(memory, device);
      default -> throw new UnsupportedOperationException("programming STM32" + device.name()
          + " (" + device.family() + ") through a debug probe is not supported yet: romflash"
          + " has flash drivers for F0/F1/F3, F2/F4/F7, L4/G0/G4/WB/WL and H7");
    };
  }
}
