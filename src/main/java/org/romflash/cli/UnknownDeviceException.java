package org.romflash.cli;

/** The chip's product ID, or a device name given on the command line, is not in the database. */
final class UnknownDeviceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnknownDeviceException(String message) {
    super(message);
  }
}
