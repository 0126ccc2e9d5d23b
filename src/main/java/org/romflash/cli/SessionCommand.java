package org.romflash.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.romflash.flash.Progress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that opens a session with a chip, does its work, and closes the port. */
abstract class SessionCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    checkArguments();
    PrintStream err = Main.errStream();
    if (!quiet && connection.portOrDefault().startsWith("sim:")) {
      err.println("note: using the built-in emulated chip " + connection.portOrDefault()
          + " (no hardware); pass --port to program a real board");
    }
    try (Session session = Session.open(connection, warning -> {
      if (!quiet) {
        err.println("warning: " + warning);
      }
    })) {
      return run(session).code();
    }
  }

  /** Refuses bad arguments before the port is opened; by default there is nothing to check. */
  void checkArguments() {}

  /** The command's work, on an identified chip. */
  abstract ExitCode run(Session session) throws Exception;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Prints a line unless --quiet. */
  void say(String line) {
    if (!quiet) {
      out().println(line);
      out().flush();
    }
  }

  Progress progress() {
    return quiet ? Progress.none() : new ConsoleProgress(Main.errStream(), System.console() != null);
  }

  String port() {
    return connection == null ? "?" : connection.portOrDefault();
  }
}
