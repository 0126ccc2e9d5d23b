package org.romflash.cli;

import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code romflash unprotect readout|write}. */
@CommandLine.Command(name = "unprotect", mixinStandardHelpOptions = true,
    description = {"Remove read-out protection (this ERASES THE WHOLE FLASH; needs --yes) or write"
        + " protection. The chip resets and romflash reconnects."})
final class UnprotectCommand extends SessionCommand {
  enum Kind { readout, write }

  @Parameters(index = "0", paramLabel = "readout|write", description = "Which protection.")
  Kind kind;

  @Option(names = "--yes", description = "Confirm that removing read-out protection erases the"
      + " whole flash.")
  boolean yes;

  @Override
  void checkArguments() {
    if (kind == Kind.readout && !yes) {
      throw new ConfirmationMissingException("removing read-out protection mass-erases the chip:"
          + " every byte of flash is lost", "--yes");
    }
  }

  @Override
  ExitCode run(Session session) {
    remove(session, kind, this::say);
    return ExitCode.OK;
  }

  /** Removes the protection (the chip resets; the client re-synchronises). Shared with write. */
  static void remove(Session session, Kind kind, Consumer<String> say) {
    if (kind == Kind.readout && session.probe() != null) {
      removeThroughProbe(session, say);
    } else if (kind == Kind.readout) {
      session.client().readoutUnprotect(session.client().timeouts().eraseOf(
          session.device().flash().size()));
      say.accept("read-out protection removed; the flash was erased and the chip reset");
    } else {
      session.client().writeUnprotect();
      say.accept("write protection removed; the chip reset");
    }
  }

  /** RDP back to level 0 through the option bytes: the chip mass-erases its flash. */
  private static void removeThroughProbe(Session session, Consumer<String> say) {
    org.romflash.device.Device d = session.device();
    org.romflash.device.OptionField rdp = d.options().field("RDP").orElseThrow(
        NeedsBootloaderException::new);
    OptionBytesUpdate.apply(session, java.util.Map.of(rdp, (long) d.options().rdpOpen()), say);
    say.accept("read-out protection removed through the probe; the flash was erased");
  }
}
