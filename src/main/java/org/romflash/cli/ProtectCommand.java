package org.romflash.cli;

import java.util.List;
import org.romflash.device.EraseUnit;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code romflash protect readout|write}: Readout Protect (0x82) or Write Protect (0x63). */
@CommandLine.Command(name = "protect", mixinStandardHelpOptions = true,
    description = {"Turn on read-out protection (level 1: the flash can no longer be read, and"
        + " removing the protection later ERASES it; needs --yes) or write protection of sectors.",
        "The chip resets and romflash reconnects. Level 2 (permanent) is only reachable through"
            + " 'option-bytes set' with --permanently-lock."})
final class ProtectCommand extends SessionCommand {
  enum Kind { readout, write }

  @Parameters(index = "0", paramLabel = "readout|write", description = "Which protection.")
  Kind kind;

  @Option(names = "--sectors", paramLabel = "N[,N...]", split = ",",
      description = "With write: the sectors (erase-unit numbers, see 'romflash devices') to"
          + " protect. Default: all.")
  List<Integer> sectors;

  @Option(names = "--yes", description = "Confirm read-out protection: its removal erases the"
      + " whole flash.")
  boolean yes;

  @Override
  void checkArguments() {
    if (kind == Kind.readout && !yes) {
      throw new ConfirmationMissingException("read-out protection locks the flash against"
          + " reading, and the only way back (unprotect readout) erases the whole flash", "--yes");
    }
    if (kind == Kind.readout && sectors != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--sectors goes with 'protect write', not 'protect readout'");
    }
  }

  @Override
  ExitCode run(Session session) {
    if (kind == Kind.readout) {
      session.client().readoutProtect();
      say("read-out protection is on (level 1); the chip reset");
      return ExitCode.OK;
    }
    List<EraseUnit> units = session.device().flash().units();
    List<Integer> chosen = sectors != null ? sectors
        : units.stream().map(EraseUnit::number).toList();
    for (int sector : chosen) {
      if (sector < 0 || sector >= units.size() || sector > 0xFF) {
        throw new CommandLine.ParameterException(spec.commandLine(), String.format(
            "sector %d does not exist: STM32%s has sectors 0 to %d", sector,
            session.device().name(), Math.min(units.size(), 256) - 1));
      }
    }
    session.client().writeProtect(chosen);
    say(String.format("write protection is on for %d sector%s; the chip reset", chosen.size(),
        chosen.size() == 1 ? "" : "s"));
    return ExitCode.OK;
  }
}
