package org.romflash.cli;

/** The process exit codes, one per kind of failure, documented in the README. */
public enum ExitCode {
  OK(0, "success"),
  SOFTWARE(1, "internal error (a bug: please report it)"),
  USAGE(2, "invalid command line"),
  NO_RESPONSE(3, "no response from the bootloader"),
  REFUSED(4, "the bootloader refused a command (NACK), e.g. read protection active"),
  VERIFY_FAILED(5, "verification failed: the chip does not hold the image"),
  DOES_NOT_FIT(6, "image does not fit the device, or the chip is not the expected device"),
  LINK_FAILED(7, "the serial port or connection could not be used, or a file could not be written"),
  BAD_INPUT(8, "malformed input file or device database entry, or unknown device"),
  PROTOCOL_ERROR(9, "the bootloader sent bytes that make no sense (corrupted line or wrong baud)"),
  UNITS_FAILED(10, "gang: one or more units failed (the summary and the journal name each)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
