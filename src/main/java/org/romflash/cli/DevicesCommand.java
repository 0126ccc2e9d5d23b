package org.romflash.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.romflash.device.Device;
import org.romflash.device.DeviceQuery;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code romflash devices [QUERY]}: what the device database knows, without a chip attached. */
@CommandLine.Command(name = "devices", mixinStandardHelpOptions = true,
    description = {"List the devices romflash knows, or explain one.",
        "QUERY is an entry name (F103xB), a product ID (0x410), a family (F4, STM32L4), a part"
            + " number (STM32F103C8T6) or any text in a name, title or part. One match is"
            + " explained with its memory map; several are listed."})
final class DevicesCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "QUERY", description = "What to look for.")
  String query;

  @Option(names = "--json", description = "Print JSON for scripts instead of tables.")
  boolean json;

  @Option(names = "--list", description = "List matches even when there is only one.")
  boolean list;

  @Mixin DatabaseOptions devices;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<Device> all = devices.database().all();
    List<Device> found = query == null ? all : DeviceQuery.find(all, query);
    if (found.isEmpty()) {
      throw new UnknownDeviceException("no device matches '" + query + "' among the " + all.size()
          + " known; run 'romflash devices' to list them");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(DeviceJson.render(found));
    } else if (found.size() == 1 && !list) {
      out.print(DeviceDescription.of(found.get(0)));
    } else {
      out.print(DeviceTable.of(found));
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
