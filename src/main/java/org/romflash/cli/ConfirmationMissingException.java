package org.romflash.cli;

/**
 * A destructive or irreversible operation was asked for without the flag that confirms it. Nothing
 * was sent to the chip. The message says what would be lost; the hint names the flag.
 */
final class ConfirmationMissingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String flag;

  ConfirmationMissingException(String consequence, String flag) {
    super(consequence);
    this.flag = flag;
  }

  /** "run again with --yes if that is what you want". */
  String hint() {
    return "run again with " + flag + " if that is what you want";
  }
}
