package org.romflash.factory;

/**
 * Why a unit failed, as the journal records it: a short class for scripts and statistics
 * ({@code no-answer}, {@code read-protected}, {@code verify-mismatch}...), the message naming what
 * happened and a hint saying what to check.
 */
public record Failure(String errorClass, String message, String hint) {

  /** Turns a unit's exception into a {@link Failure}; the command line knows the hints. */
  @FunctionalInterface
  public interface Describer {
    Failure describe(Throwable failure, String port);
  }
}
