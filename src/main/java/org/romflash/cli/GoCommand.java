package org.romflash.cli;

import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/** {@code romflash go}: leave the bootloader and run the program. */
@CommandLine.Command(name = "go", mixinStandardHelpOptions = true,
    description = "Jump to the program at ADDR (default: start of flash). The bootloader then stops"
        + " answering until the next reset.")
final class GoCommand extends SessionCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "ADDR", converter = Numbers.class,
      description = "Where the vector table is (default: start of flash).")
  Long address;

  @Override
  ExitCode run(Session session) {
    long target = address != null ? address : session.device().flash().base();
    session.flash().go(target);
    say(String.format("started the program at 0x%08X", target));
    return ExitCode.OK;
  }
}
