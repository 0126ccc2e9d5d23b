package org.romflash.cli;

import picocli.CommandLine;

/** {@code romflash option-bytes show|set}: the chip's option bytes, by field name. */
@CommandLine.Command(name = "option-bytes", mixinStandardHelpOptions = true,
    description = "Show the option bytes decoded by field, or change fields by name.",
    subcommands = {ShowOptionBytesCommand.class, SetOptionBytesCommand.class})
final class OptionBytesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "say what to do: 'option-bytes show' or 'option-bytes set NAME=VALUE ...'");
  }
}
