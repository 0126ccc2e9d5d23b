package org.romflash.swd.dap;

/**
 * A DAP_Transfer did not complete: the target answered WAIT (past the probe's retries) or FAULT,
 * did not answer at all, or the SWD protocol broke (parity). Says which access of the batch.
 */
public final class TransferFailedException extends DapException {
  private static final long serialVersionUID = 1L;

  /** What the target answered. */
  public enum Ack {
    WAIT, FAULT, NO_ACK, PROTOCOL_ERROR, MISMATCH;

    static Ack of(int response) {
      if ((response & 0x08) != 0) {
        return PROTOCOL_ERROR;
      }
      if ((response & 0x10) != 0) {
        return MISMATCH;
      }
      return switch (response & 0x07) {
        case 2 -> WAIT;
        case 4 -> FAULT;
        default -> NO_ACK;
      };
    }
  }

  private final Ack ack;

  public TransferFailedException(Ack ack, Transfer failed, int completed) {
    super("SWD " + failed + " failed: the target answered " + ack + " (" + completed
        + " earlier accesses of the batch completed)");
    this.ack = ack;
  }

  public Ack ack() {
    return ack;
  }
}
