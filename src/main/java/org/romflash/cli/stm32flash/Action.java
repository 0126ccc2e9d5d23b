package org.romflash.cli.stm32flash;

/** The one main thing an stm32flash command line asks for; stm32flash allows one at a time. */
public enum Action {
  /** No action option: connect, identify the chip, report it. */
  INFO("show the chip"),
  /** {@code -r}. */
  READ("read (-r)"),
  /** {@code -w}. */
  WRITE("write (-w)"),
  /** {@code -o}. */
  ERASE("erase only (-o)"),
  /** {@code -C}. */
  CRC("compute a CRC (-C)"),
  /** {@code -u}. */
  WRITE_UNPROTECT("remove write protection (-u)"),
  /** {@code -j}. */
  READ_PROTECT("set read-out protection (-j)"),
  /** {@code -k}. */
  READ_UNPROTECT("remove read-out protection (-k)");

  private final String description;

  Action(String description) {
    this.description = description;
  }

  /** How error messages name it. */
  public String description() {
    return description;
  }
}
