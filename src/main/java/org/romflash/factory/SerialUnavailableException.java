package org.romflash.factory;

/** No serial number can be given to a unit: it is not in the table, or the number is taken. */
public final class SerialUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SerialUnavailableException(String message) {
    super(message);
  }
}
