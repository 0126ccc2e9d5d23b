package org.romflash.flash;

/** The connected chip is not the device the user said the image is for. */
public final class WrongDeviceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WrongDeviceException(String message) {
    super(message);
  }
}
