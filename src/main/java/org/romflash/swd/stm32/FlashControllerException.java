package org.romflash.swd.stm32;

import java.util.List;

/**
 * The flash controller reported an error, or stayed busy too long: the operation, the address, the
 * status register's value and its set error flags by name (as the reference manual names them).
 */
public final class FlashControllerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long address;
  private final long status;
  private final List<String> flags;

  public FlashControllerException(String operation, long address, long status,
      List<String> flags, String detail) {
    super(String.format("%s at 0x%08X: %s (status register 0x%08X%s)", operation, address, detail,
        status, flags.isEmpty() ? "" : ": " + String.join(", ", flags)));
    this.address = address;
    this.status = status;
    this.flags = List.copyOf(flags);
  }

  public long address() {
    return address;
  }

  public long status() {
    return status;
  }

  /** The error flags set, by their reference-manual names (PGERR, WRPRTERR, ...). */
  public List<String> flags() {
    return flags;
  }
}
