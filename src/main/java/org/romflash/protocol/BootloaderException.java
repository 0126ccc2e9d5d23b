package org.romflash.protocol;

import java.util.OptionalLong;

/**
 * The bootloader did not do what a command asked. Carries the facts: which command, at which stage,
 * at which address (when one was involved), and what came back. Subtypes say how it went wrong.
 */
public abstract sealed class BootloaderException extends RuntimeException
    permits NackException, NoReplyException, UnexpectedReplyException, UnsupportedCommandException,
        CorruptReplyException {
  private static final long serialVersionUID = 1L;

  private final Command command;
  private final Stage stage;
  private final Long address;

  BootloaderException(Command command, Stage stage, Long address, String what, Throwable cause) {
    super(compose(command, stage, address, what), cause);
    this.command = command;
    this.stage = stage;
    this.address = address;
  }

  public Command command() {
    return command;
  }

  public Stage stage() {
    return stage;
  }

  /** The memory address the command was about, when it had one. */
  public OptionalLong address() {
    return address == null ? OptionalLong.empty() : OptionalLong.of(address);
  }

  private static String compose(Command command, Stage stage, Long address, String what) {
    String where = address == null ? "" : String.format(" at 0x%08X", address);
    return command + where + ": " + what + " at the " + stage + " stage";
  }
}
