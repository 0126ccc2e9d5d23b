package org.romflash.device;

import java.util.List;

/**
 * The ROM bootloader of a device as AN2606 describes it.
 *
 * @param version the protocol version byte Get reports, 0x22 for v2.2
 * @param commands the command codes Get lists, in its order
 * @param reservedRam the RAM the bootloader uses for itself; writes there are refused
 */
public record BootloaderProfile(int version, List<Integer> commands, MemoryRegion reservedRam) {

  public BootloaderProfile {
    commands = List.copyOf(commands);
  }
}
