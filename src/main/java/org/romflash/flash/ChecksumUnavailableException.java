package org.romflash.flash;

/**
 * The chip cannot compute a CRC this time (no Get Checksum, and the RAM routine could not be
 * used); the reason says why. Callers fall back to reading back and tell the user.
 */
public final class ChecksumUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChecksumUnavailableException(String reason) {
    super(reason);
  }
}
