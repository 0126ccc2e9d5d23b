package org.romflash.protocol;

/** The bootloader sent a byte that is neither ACK nor NACK where one of those was due. */
public final class UnexpectedReplyException extends BootloaderException {
  private static final long serialVersionUID = 1L;

  private final int received;

  public UnexpectedReplyException(Command command, Stage stage, Long address, int received) {
    super(command, stage, address, "expected ACK or NACK but received " + Bytes.describe(received),
        null);
    this.received = received;
  }

  /** The byte that arrived, 0..255. */
  public int received() {
    return received;
  }
}
