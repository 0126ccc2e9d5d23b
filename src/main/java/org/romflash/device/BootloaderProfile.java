package org.romflash.device;

import java.util.List;
import java.util.OptionalInt;

/**
 * The ROM bootloader of a device as AN2606 describes it.
 *
 * @param version the protocol version byte Get reports, 0x22 for v2.2
 * @param commands the command codes Get lists, in its order
 * @param reservedRam the RAM the bootloader uses for itself; writes there are refused
 * @param id the bootloader ID byte AN2606 gives, when known; it tells apart chips that share a
 *     product ID
 * @param idAddress where the bootloader ID byte lies in system memory (0 when {@code id} is empty)
 * @param vectorTable where the bootloader's vector table (initial SP, reset handler) lies, when it
 *     is not at the start of system memory (H74x/75x: 0x1FF09800); 0 otherwise. Code that hands
 *     the chip back to its bootloader jumps through it.
 */
public record BootloaderProfile(int version, List<Integer> commands, MemoryRegion reservedRam,
    OptionalInt id, long idAddress, long vectorTable) {

  public BootloaderProfile {
    commands = List.copyOf(commands);
  }

  /** A profile whose vector table starts system memory. */
  public BootloaderProfile(int version, List<Integer> commands, MemoryRegion reservedRam,
      OptionalInt id, long idAddress) {
    this(version, commands, reservedRam, id, idAddress, 0);
  }

  /** A profile without a bootloader ID. */
  public BootloaderProfile(int version, List<Integer> commands, MemoryRegion reservedRam) {
    this(version, commands, reservedRam, OptionalInt.empty(), 0);
  }

  /**
   * This bootloader as a newer ROM would be: Get Checksum (0xA1, AN3155 3.13) listed and protocol
   * v3.3, the first version that has it. For emulated chips that show the checksum path.
   */
  public BootloaderProfile withGetChecksum() {
    List<Integer> listed = new java.util.ArrayList<>(commands);
    if (!listed.contains(GET_CHECKSUM)) {
      listed.add(GET_CHECKSUM);
    }
    return new BootloaderProfile(Math.max(version, 0x33), listed, reservedRam, id, idAddress,
        vectorTable);
  }

  private static final int GET_CHECKSUM = 0xA1;

  /**
   * The commands AN3155 gives every bootloader of this protocol version: Erase (0x43) before v3.0,
   * Extended Erase (0x44) from v3.0 on.
   */
  public static List<Integer> baseCommands(int version) {
    int erase = version >= 0x30 ? 0x44 : 0x43;
    return List.of(0x00, 0x01, 0x02, 0x11, 0x21, 0x31, erase, 0x63, 0x73, 0x82, 0x92);
  }
}
