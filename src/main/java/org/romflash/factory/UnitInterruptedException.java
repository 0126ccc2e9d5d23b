package org.romflash.factory;

/** The station was stopped while a unit was being programmed. */
public final class UnitInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnitInterruptedException() {
    super("stopped by the operator");
  }
}
