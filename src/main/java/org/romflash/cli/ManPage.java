package org.romflash.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes a roff man page (section 1) from picocli's model of the command line, so the page never
 * drifts from {@code --help}: every subcommand with its description, parameters and options, then
 * the exit codes.
 */
final class ManPage {
  private ManPage() {}

  static void write(CommandLine root, PrintWriter out) {
    CommandSpec spec = root.getCommandSpec();
    out.println(".TH ROMFLASH 1 \"\" \"" + escape(spec.version()[0]) + "\" \"User Commands\"");
    out.println(".SH NAME");
    out.println("romflash \\- " + escape(spec.usageMessage().description()[0]));
    out.println(".SH SYNOPSIS");
    out.println(".B romflash");
    out.println("\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]");
    out.println(".SH COMMANDS");
    for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
      command(sub.getKey(), sub.getValue(), out);
    }
    out.println(".SH EXIT STATUS");
    for (String line : spec.usageMessage().footer()) {
      out.println(escape(line.trim()));
      out.println(".br");
    }
    out.println(".SH SEE ALSO");
    out.println("stm32flash(1), ST application notes AN3155 and AN2606");
    out.flush();
  }

  private static void command(String name, CommandLine command, PrintWriter out) {
    CommandSpec spec = command.getCommandSpec();
    out.println(".SS " + escape(spec.qualifiedName()));
    for (String line : spec.usageMessage().description()) {
      out.println(escape(line));
      out.println(".PP");
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      out.println(".TP");
      out.println("\\fI" + escape(p.paramLabel()) + "\\fR");
      out.println(escape(String.join(" ", p.description())));
    }
    for (OptionSpec o : spec.options()) {
      if (o.hidden() || o.usageHelp() || o.versionHelp()) {
        continue;
      }
      out.println(".TP");
      String label = o.arity().max() > 0 ? " \\fI" + escape(o.paramLabel()) + "\\fR" : "";
      out.println("\\fB" + escape(String.join(", ", o.names())) + "\\fR" + label);
      out.println(escape(String.join(" ", o.description())
          .replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()))));
    }
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      command(sub.getKey(), sub.getValue(), out);
    }
  }

  /** Escapes what roff would read as markup: backslashes, and a leading dot or quote. */
  static String escape(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }
}
