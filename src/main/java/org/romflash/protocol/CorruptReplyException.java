package org.romflash.protocol;

/** A reply arrived whole but its checksum does not match: a byte was corrupted on the line. */
public final class CorruptReplyException extends BootloaderException {
  private static final long serialVersionUID = 1L;

  public CorruptReplyException(Command command, Stage stage, Long address, String detail) {
    super(command, stage, address, "corrupted reply (" + detail + ")", null);
  }
}
