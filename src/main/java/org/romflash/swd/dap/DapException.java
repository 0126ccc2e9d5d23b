package org.romflash.swd.dap;

/**
 * The probe refused a command (DAP_ERROR), answered something that is not a response to it, or
 * could not be reached. Names the command.
 */
public class DapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DapException(String message) {
    super(message);
  }

  public DapException(String message, Throwable cause) {
    super(message, cause);
  }
}
