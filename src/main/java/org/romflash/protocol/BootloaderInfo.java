package org.romflash.protocol;

import java.util.List;

/**
 * What the Get command (AN3155 3.1) reports: the protocol version and the commands offered.
 *
 * @param version protocol version byte, 0x22 meaning v2.2
 * @param commandCodes command codes in the order the bootloader listed them
 */
public record BootloaderInfo(int version, List<Integer> commandCodes) {

  public BootloaderInfo {
    commandCodes = List.copyOf(commandCodes);
  }

  public boolean supports(Command command) {
    return commandCodes.contains(command.code());
  }

  /** "3.1" for 0x31. */
  public String versionText() {
    return (version >> 4) + "." + (version & 0x0F);
  }
}
