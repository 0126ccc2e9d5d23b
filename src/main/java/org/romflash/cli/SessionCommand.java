package org.romflash.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.romflash.flash.Progress;
import org.romflash.link.Link;
import org.romflash.link.LinkPair;
import org.romflash.link.LoggingLink;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that opens a session with a chip, does its work, and closes the port. */
abstract class SessionCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--json", description = "Print one JSON object with the outcome and what was"
      + " done, instead of text (errors still also go to stderr).")
  boolean json;

  /** Filled by the command when --json is given; see {@link JsonResult}. */
  JsonResult report;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    report = new JsonResult(spec.qualifiedName().replaceFirst("^romflash ", ""), port());
    if (json) {
      quiet = true;
    }
    try {
      int code = callReporting();
      if (json) {
        out().println(report.ok());
        out().flush();
      }
      return code;
    } catch (Exception e) {
      if (json) {
        out().println(report.failed(Diagnostics.of(e, port())));
        out().flush();
      }
      throw e;
    }
  }

  private int callReporting() throws Exception {
    checkArguments();
    connection.lines.check(spec.commandLine());
    PrintStream err = Main.errStream();
    if (!quiet && connection.portOrDefault().startsWith("sim:")
        && !connection.probe.probeFirst(connection.portGiven())) {
      err.println("note: using the built-in emulated chip " + connection.portOrDefault()
          + " (no hardware); pass --port to program a real board");
    }
    if (!quiet && connection.probe.probe != null && connection.probe.probe.startsWith("sim:")) {
      err.println("note: using the built-in simulated probe and chip " + connection.probe.probe
          + " (no hardware)");
    }
    try (Session session = Session.open(connection, warning -> {
      report.warning(warning);
      if (!quiet) {
        err.println("warning: " + warning);
      }
    })) {
      report.device(session);
      try {
        ExitCode code = run(session);
        if (code == ExitCode.OK) {
          session.runExitSequence();
        }
        return code.code();
      } finally {
        noteSimulatedLines(session, err);
      }
    }
  }

  /** On sim:, shows what the line options did, since no board is there to react to them. */
  private void noteSimulatedLines(Session session, PrintStream err) {
    if (session.link() == null) {
      return;
    }
    Link link = session.link() instanceof LoggingLink logged ? logged.inner() : session.link();
    if (!quiet && link instanceof LinkPair.Endpoint sim && !sim.lineEvents().isEmpty()) {
      err.println("note: control lines driven on " + port() + " (the emulated chip ignores them): "
          + String.join(" ", sim.lineEvents()));
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

  /** The port, or the probe when the chip is reached through one. */
  String port() {
    if (connection == null) {
      return "?";
    }
    return connection.probe.probeFirst(connection.portGiven()) ? connection.probe.probe
        : connection.portOrDefault();
  }
}
