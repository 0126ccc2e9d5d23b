package org.romflash.cli;

/** A command that only the ROM bootloader can do was asked of a chip reached through a probe. */
final class NeedsBootloaderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NeedsBootloaderException() {
    super("this needs the chip's ROM bootloader, and the chip is reached through a debug probe");
  }
}
