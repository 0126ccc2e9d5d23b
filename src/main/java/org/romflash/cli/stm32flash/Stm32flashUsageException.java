package org.romflash.cli.stm32flash;

/**
 * An stm32flash command line that cannot be run as written: an unknown option, a missing value,
 * actions that exclude each other, or a feature romflash does not offer. The message names the
 * option; the command adds the hint.
 */
public final class Stm32flashUsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Stm32flashUsageException(String message) {
    super(message);
  }
}
