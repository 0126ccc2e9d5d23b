package org.romflash.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code romflash man}: prints the man page, e.g. {@code romflash man > romflash.1}. */
@CommandLine.Command(name = "man", mixinStandardHelpOptions = true,
    description = "Print the man page (roff), generated from the same model as --help:"
        + " 'romflash man | man -l -' to read it, or save it as romflash.1.")
final class ManCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ManPage.write(spec.root().commandLine(), spec.commandLine().getOut());
    return ExitCode.OK.code();
  }
}
