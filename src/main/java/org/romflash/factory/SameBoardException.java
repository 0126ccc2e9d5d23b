package org.romflash.factory;

import org.romflash.device.UniqueId;

/**
 * In line mode, the board that answered is the one just programmed on this port (its reset
 * wiring brought it back into the bootloader): it is not programmed again until it is replaced.
 */
final class SameBoardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SameBoardException(UniqueId uid) {
    super("the board on this port (UID " + uid + ") was just programmed: replace it");
  }
}
