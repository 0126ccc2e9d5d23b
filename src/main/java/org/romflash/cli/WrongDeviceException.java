package org.romflash.cli;

/** The connected chip is not the device the user said the image is for. */
final class WrongDeviceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WrongDeviceException(String message) {
    super(message);
  }
}
