package org.romflash.protocol;

/** Where in a command's exchange something happened; every failure names one. */
public enum Stage {
  /** The 0x7F autobaud byte and its ACK. */
  SYNC("synchronisation"),
  /** The command code and its complement. */
  COMMAND("command"),
  /** The four address bytes and their checksum. */
  ADDRESS("address"),
  /** The two-byte sub-opcode of Special and Extended Special. */
  OPCODE("opcode"),
  /** The byte count (and its complement or checksum). */
  LENGTH("length"),
  /** The payload: data to write, pages to erase, sectors to protect, special-command data. */
  DATA("data"),
  /** The bytes the bootloader sends back: lists, IDs, memory, checksums. */
  REPLY("reply"),
  /** The final ACK sent once the bootloader has done the work (erase, protection change). */
  COMPLETION("completion"),
  /** Re-synchronising after the chip reset itself. */
  RESYNC("re-synchronisation after reset");

  private final String description;

  Stage(String description) {
    this.description = description;
  }

  @Override
  public String toString() {
    return description;
  }
}
