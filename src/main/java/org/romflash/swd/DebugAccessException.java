package org.romflash.swd;

/**
 * A debug access failed: a bus fault on the target (no memory there, a clock off), a FAULT or
 * WAIT the probe could not get past, or a lost link. Names the address and what happened.
 */
public class DebugAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DebugAccessException(String message) {
    super(message);
  }

  public DebugAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
