package org.romflash.link;

import java.time.Duration;

/** Fewer bytes arrived than were asked for before the read's timeout passed. */
public final class LinkTimeoutException extends LinkException {
  private static final long serialVersionUID = 1L;

  private final int expected;
  private final int received;

  public LinkTimeoutException(String linkName, int expected, int received, Duration timeout) {
    super(
        linkName,
        "timed out after " + timeout.toMillis() + " ms: received " + received + " of " + expected
            + " bytes");
    this.expected = expected;
    this.received = received;
  }

  public int expected() {
    return expected;
  }

  public int received() {
    return received;
  }
}
