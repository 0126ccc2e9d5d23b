package org.romflash.protocol;

import java.util.Optional;

/**
 * The commands of the USART bootloader (AN3155 section 3, table 2). Each is sent as its code followed
 * by the code's complement.
 */
public enum Command {
  GET(0x00, "Get"),
  GET_VERSION(0x01, "Get Version"),
  GET_ID(0x02, "Get ID"),
  READ_MEMORY(0x11, "Read Memory"),
  GO(0x21, "Go"),
  WRITE_MEMORY(0x31, "Write Memory"),
  ERASE(0x43, "Erase"),
  EXTENDED_ERASE(0x44, "Extended Erase"),
  SPECIAL(0x50, "Special"),
  EXTENDED_SPECIAL(0x51, "Extended Special"),
  WRITE_PROTECT(0x63, "Write Protect"),
  WRITE_UNPROTECT(0x73, "Write Unprotect"),
  READOUT_PROTECT(0x82, "Readout Protect"),
  READOUT_UNPROTECT(0x92, "Readout Unprotect"),
  GET_CHECKSUM(0xA1, "Get Checksum"),
  /** Not a command: the 0x7F byte the bootloader measures the baud rate on (AN3155 section 1). */
  SYNC(0x7F, "synchronisation");

  private final int code;
  private final String title;

  Command(int code, String title) {
    this.code = code;
    this.title = title;
  }

  public int code() {
    return code;
  }

  /** The command's name as AN3155 writes it. */
  public String title() {
    return title;
  }

  /** The two bytes that open the command: code and complement. */
  byte[] opening() {
    return new byte[] {(byte) code, (byte) (code ^ 0xFF)};
  }

  /** The command with this code, if it is one; {@link #SYNC} is not returned. */
  public static Optional<Command> ofCode(int code) {
    for (Command command : values()) {
      if (command.code == code && command != SYNC) {
        return Optional.of(command);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return String.format("%s (0x%02X)", title, code);
  }
}
