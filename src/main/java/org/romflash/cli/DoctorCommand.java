package org.romflash.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.romflash.link.PortHolders;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** {@code romflash doctor}: why the chip does not answer, found by trying rather than guessing. */
@CommandLine.Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Find out why the bootloader does not answer: open the port, send 0x7F at"
        + " 115200, 57600, 38400, 19200 and 9600 baud with even parity and then none, and report"
        + " echo, garbage, an already synchronised chip, or the chip, its product ID and read"
        + " protection. When nothing answers, print the wiring checklist.",
        "Exit code: 0 when the bootloader answered, else that of the most serious finding."})
final class DoctorCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;

  @CommandLine.Option(names = "--json", description = "Print the probes, findings and checklist"
      + " as one JSON object instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = json ? new PrintWriter(java.io.Writer.nullWriter())
        : spec.commandLine().getOut();
    String port = connection.portOrDefault();
    boolean sim = port.startsWith("sim:");
    boolean serial = !sim && !port.startsWith("tcp://");
    out.println("doctor: " + port);
    Checkup.LineSetting given = new Checkup.LineSetting(connection.baud, connection.parity);
    if (sim) {
      out.println("note: " + port + " is the built-in emulated chip, which answers at any baud"
          + " rate: one probe at " + given + " instead of a sweep");
    } else if (!serial) {
      out.println("note: a TCP serial server sets the baud rate and parity of its line itself:"
          + " one probe instead of a sweep");
    }
    out.flush();
    List<Checkup.LineSetting> settings = serial ? Checkup.sweep(connection.baud) : List.of(given);
    Supplier<List<PortHolders.Holder>> holders = serial ? () -> PortHolders.of(Path.of(port))
        : List::of;
    Consumer<String> warnings = onceEach(Main.errStream()::println);
    Checkup checkup = new Checkup(port,
        setting -> Session.openPort(connection, setting.baud(), setting.parity(), warnings),
        settings, connection.devices.database(), Checkup.PROBE_WINDOW, holders,
        line -> {
          out.println(line);
          out.flush();
        });
    CheckupReport report = checkup.run();
    report.findings().forEach(f -> out.println(f.render()));
    if (!report.checklist().isEmpty()) {
      out.println("Check, most likely first:");
      for (int i = 0; i < report.checklist().size(); i++) {
        out.printf("%3d. %s%n", i + 1, report.checklist().get(i));
      }
    }
    ExitCode code = report.exitCode();
    out.println("result: exit " + code.code() + " (" + code.meaning() + ")");
    out.flush();
    if (json) {
      spec.commandLine().getOut().println(DoctorJson.render(port, report));
      spec.commandLine().getOut().flush();
    }
    return code.code();
  }

  /** The sweep reopens the port for every setting: say each control-line warning once. */
  private static Consumer<String> onceEach(Consumer<String> sink) {
    Set<String> said = new HashSet<>();
    return warning -> {
      if (said.add(warning)) {
        sink.accept("warning: " + warning);
      }
    };
  }
}
