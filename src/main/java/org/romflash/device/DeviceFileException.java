package org.romflash.device;

/** A device file is malformed; the message names the file, the entry and the field. */
public final class DeviceFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DeviceFileException(String message) {
    super(message);
  }

  public DeviceFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
