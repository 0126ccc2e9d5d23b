package org.romflash.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.romflash.link.PortInfo;
import org.romflash.link.SerialPorts;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code romflash ports}: which serial ports there are, and which one is the USB-UART adapter. */
@CommandLine.Command(name = "ports", mixinStandardHelpOptions = true,
    description = {"List the serial ports: path, description, USB vendor:product ID and, for"
        + " well-known USB-UART adapters (FTDI, CP210x, CH340, PL2303, ST-LINK), what they are;"
        + " then the CMSIS-DAP debug probes on USB (for --probe cmsis-dap:SERIAL).",
        "Exits 0 also when there are none."})
final class PortsCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print a JSON array for scripts.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<PortInfo> ports = SerialPorts.system().list();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(PortListing.json(ports));
    } else {
      PortListing.text(ports).forEach(out::println);
      List<String> problems = new java.util.ArrayList<>();
      List<org.romflash.swd.usb.UsbProbe> probes = org.romflash.swd.usb.UsbProbes.list(
          problems::add);
      out.println(probes.isEmpty() ? "No CMSIS-DAP probe found on USB."
          : "CMSIS-DAP probes (--probe cmsis-dap:SERIAL):");
      probes.forEach(p -> out.println("  " + p.describe()));
      problems.forEach(p -> Main.errStream().println("note: " + p));
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
