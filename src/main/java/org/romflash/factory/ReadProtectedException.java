package org.romflash.factory;

/**
 * The board's bootloader refuses to read its memory: readout protection (RDP level 1) is active.
 * Found before anything is written, since the unique ID cannot be read either.
 */
public final class ReadProtectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReadProtectedException(String device, Throwable cause) {
    super("read protection is active on this STM32" + device + ": its bootloader refuses to read"
        + " memory (the unique ID), so nothing was written", cause);
  }
}
