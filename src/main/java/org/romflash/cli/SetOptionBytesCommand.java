package org.romflash.cli;

import java.util.List;
import java.util.Map;
import org.romflash.device.OptionField;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code romflash option-bytes set NAME=VALUE ...}: reads the option bytes, changes the named
 * fields, recomputes complements, writes the area with Write Memory (the chip resets to load it),
 * reconnects and reads it back.
 */
@CommandLine.Command(name = "set", mixinStandardHelpOptions = true,
    description = {"Change option-byte fields by name (see 'romflash devices NAME' for the list),"
        + " e.g. 'option-bytes set nBOOT0=1 --yes'. Needs --yes; a value that locks the chip for"
        + " good (RDP level 2) also needs --permanently-lock.",
        "The chip resets to load the new values; romflash reconnects and reads them back."})
final class SetOptionBytesCommand extends SessionCommand {
  @Parameters(arity = "1..*", paramLabel = "NAME=VALUE", description = "Fields to change.")
  List<String> assignments;

  @Option(names = "--yes", description = "Confirm the option-byte write.")
  boolean yes;

  @Option(names = "--permanently-lock", description = "Also confirm a value that disables the"
      + " bootloader and debug access for good (RDP level 2). There is no way back.")
  boolean permanentlyLock;

  @Override
  ExitCode run(Session session) {
    Map<OptionField, Long> changes = OptionAssignments.parse(assignments, session.device(), spec);
    OptionAssignments.confirm(session.device(), changes, yes, permanentlyLock);
    OptionBytesUpdate.apply(session, changes, permanentlyLock, this::say);
    return ExitCode.OK;
  }
}
