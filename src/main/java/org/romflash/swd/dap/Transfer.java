package org.romflash.swd.dap;

/**
 * One SWD register access inside DAP_Transfer: a DP or AP register (by its A[3:2] address 0x0,
 * 0x4, 0x8 or 0xC), read or written. The request byte is bit 0 APnDP, bit 1 RnW, bits 2-3 A[3:2]
 * (CMSIS-DAP, DAP_Transfer).
 */
public record Transfer(boolean ap, boolean read, int register, int value) {

  public Transfer {
    if ((register & ~0xC) != 0) {
      throw new IllegalArgumentException("an SWD register address is 0x0, 0x4, 0x8 or 0xC, not 0x"
          + Integer.toHexString(register));
    }
  }

  public static Transfer readDp(int register) {
    return new Transfer(false, true, register, 0);
  }

  public static Transfer writeDp(int register, int value) {
    return new Transfer(false, false, register, value);
  }

  public static Transfer readAp(int register) {
    return new Transfer(true, true, register & 0xC, 0);
  }

  public static Transfer writeAp(int register, int value) {
    return new Transfer(true, false, register & 0xC, value);
  }

  /** The request byte. */
  public int request() {
    return (ap ? 1 : 0) | (read ? 2 : 0) | register;
  }

  /** Bytes this access takes in a DAP_Transfer command. */
  int requestBytes() {
    return read ? 1 : 5;
  }

  /** Bytes this access takes in the response. */
  int responseBytes() {
    return read ? 4 : 0;
  }

  @Override
  public String toString() {
    return (read ? "read " : "write ") + (ap ? "AP" : "DP") + String.format(" 0x%X", register)
        + (read ? "" : String.format(" = 0x%08X", value));
  }
}
