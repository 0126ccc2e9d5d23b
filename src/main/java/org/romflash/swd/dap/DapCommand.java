package org.romflash.swd.dap;

/**
 * The CMSIS-DAP command IDs this driver sends (CMSIS-DAP specification, "Commands"). Each response
 * starts with the same ID.
 */
public enum DapCommand {
  INFO(0x00),
  CONNECT(0x02),
  DISCONNECT(0x03),
  TRANSFER_CONFIGURE(0x04),
  TRANSFER(0x05),
  TRANSFER_BLOCK(0x06),
  WRITE_ABORT(0x08),
  RESET_TARGET(0x0A),
  SWJ_PINS(0x10),
  SWJ_CLOCK(0x11),
  SWJ_SEQUENCE(0x12),
  SWD_CONFIGURE(0x13);

  private final int id;

  DapCommand(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The command with this ID, or null. */
  public static DapCommand of(int id) {
    for (DapCommand c : values()) {
      if (c.id == id) {
        return c;
      }
    }
    return null;
  }

  /** Status byte of a command that worked. */
  public static final int DAP_OK = 0x00;
  /** Status byte of a command that failed. */
  public static final int DAP_ERROR = 0xFF;
}
