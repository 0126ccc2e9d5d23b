package org.romflash.cli;

import picocli.CommandLine.Command;

/** The top-level command: lists the subcommands. */
@Command(
    name = "romflash",
    mixinStandardHelpOptions = true,
    version = "romflash 0.1.0",
    description = "Programs STM32 microcontrollers through their ROM bootloader (AN3155) over a"
        + " serial line. Without --port, works on the built-in emulated chip sim:F103xB.",
    subcommands = {
        InfoCommand.class,
        ReadCommand.class,
        WriteCommand.class,
        EraseCommand.class,
        VerifyCommand.class,
        GoCommand.class,
        UnprotectCommand.class,
        Stm32flashCommand.class,
        EmulateCommand.class,
        DevicesCommand.class,
        OptionBytesCommand.class,
        ProtectCommand.class,
        CrcCommand.class,
        SpecialCommand.class,
        PortsCommand.class,
        DoctorCommand.class,
        GangCommand.class,
        GdbServerCommand.class,
        ManCommand.class,
        picocli.AutoComplete.GenerateCompletion.class,
        picocli.CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0 success              1 internal error         2 invalid command line",
        "  3 no response          4 refused (NACK)         5 verify failed",
        "  6 image does not fit   7 port or file error     8 malformed input or unknown device",
        "  9 corrupted replies   10 gang: a unit failed"
    })
final class RomflashCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
