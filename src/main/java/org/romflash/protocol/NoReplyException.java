package org.romflash.protocol;

import java.time.Duration;

/** The bootloader said nothing (or too little) before the stage's timeout passed. */
public final class NoReplyException extends BootloaderException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;
  private final int received;
  private final int expected;

  public NoReplyException(
      Command command, Stage stage, Long address, Duration timeout, int received, int expected,
      Throwable cause) {
    super(
        command,
        stage,
        address,
        "no reply within " + timeout.toMillis() + " ms (" + received + " of " + expected
            + " bytes received)",
        cause);
    this.timeout = timeout;
    this.received = received;
    this.expected = expected;
  }

  public Duration timeout() {
    return timeout;
  }

  public int received() {
    return received;
  }

  public int expected() {
    return expected;
  }
}
