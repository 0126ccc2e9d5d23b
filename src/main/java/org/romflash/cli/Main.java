package org.romflash.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: runs the command line and exits with its code. */
public final class Main {
  private static PrintStream out = System.out;
  private static PrintStream err = System.err;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command line with the given streams; returns the exit code. Used by tests too. */
  public static int run(String[] args, PrintStream out, PrintStream errors) {
    Main.out = out;
    err = errors;
    CommandLine commandLine = commandLine(new PrintWriter(out, true), new PrintWriter(errors, true));
    return commandLine.execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter errors) {
    CommandLine commandLine = new CommandLine(new RomflashCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(out);
    commandLine.setErr(errors);
    commandLine.setParameterExceptionHandler((failure, args) -> {
      CommandLine line = failure.getCommandLine();
      line.getErr().println(failure.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(failure, line.getErr())) {
        line.getErr().println("hint: '" + line.getCommandSpec().qualifiedName()
            + " --help' lists the options");
      }
      line.getErr().flush();
      return ExitCode.USAGE.code();
    });
    commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
      Object command = line.getCommand();
      String port = command instanceof SessionCommand s ? s.port() : "?";
      Diagnostics.Diagnosis diagnosis = Diagnostics.of(failure, port);
      line.getErr().println(diagnosis.render());
      line.getErr().flush();
      return diagnosis.exitCode().code();
    });
    return commandLine;
  }

  /** Where the command line's output goes, as bytes (for data written to standard output). */
  static PrintStream outStream() {
    return out;
  }

  /** Where progress and warnings go (stderr, or what a test passed). */
  static PrintStream errStream() {
    return err;
  }
}
