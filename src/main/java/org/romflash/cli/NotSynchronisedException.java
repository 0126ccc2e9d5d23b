package org.romflash.cli;

import org.romflash.protocol.NoReplyException;

/** With {@code --no-init}, the chip did not answer Get: it was most likely not synchronised. */
final class NotSynchronisedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotSynchronisedException(NoReplyException cause) {
    super(cause.getMessage(), cause);
  }
}
