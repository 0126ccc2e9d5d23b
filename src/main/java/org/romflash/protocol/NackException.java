package org.romflash.protocol;

/** The bootloader answered NACK (0x1F): it refused the command, an argument or a checksum. */
public final class NackException extends BootloaderException {
  private static final long serialVersionUID = 1L;

  public NackException(Command command, Stage stage, Long address) {
    super(command, stage, address, "the bootloader answered NACK", null);
  }
}
