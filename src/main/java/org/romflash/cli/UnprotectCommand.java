package org.romflash.cli;

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
  ExitCode run(Session session) {
    if (kind == Kind.readout) {
      if (!yes) {
        Main.errStream().println("error: removing read-out protection mass-erases the chip: every"
            + " byte of flash is lost.");
        Main.errStream().println("hint: run again with --yes if that is what you want");
        return ExitCode.USAGE;
      }
      session.client().readoutUnprotect(session.client().timeouts().eraseOf(
          session.device().flash().size()));
      say("read-out protection removed; the flash was erased and the chip reset");
    } else {
      session.client().writeUnprotect();
      say("write protection removed; the chip reset");
    }
    return ExitCode.OK;
  }
}
