package org.romflash.protocol;

/**
 * The chip's answer to Get does not list the command, so it was not sent. Capabilities come from that
 * list, never from the version number alone.
 */
public final class UnsupportedCommandException extends BootloaderException {
  private static final long serialVersionUID = 1L;

  public UnsupportedCommandException(Command command) {
    super(command, Stage.COMMAND, null, "this bootloader does not offer the command (not in its Get"
        + " list)", null);
  }
}
