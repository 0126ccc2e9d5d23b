package org.romflash.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.romflash.swd.SwdTarget;
import org.romflash.swd.gdb.GdbRspServer;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code romflash gdb-server}: puts a chip reached through a probe (a CMSIS-DAP probe, or the
 * simulated one) behind the GDB remote protocol, so gdb can {@code load} and {@code
 * compare-sections} through romflash's own flash drivers.
 */
@CommandLine.Command(name = "gdb-server", mixinStandardHelpOptions = true,
    description = {"Serve a chip reached through --probe (cmsis-dap or sim:DEVICE) to GDB on",
        "127.0.0.1, until stopped with Ctrl-C: gdb-multiarch -ex 'target remote :3333' -ex load."})
final class GdbServerCommand implements Callable<Integer> {
  @Option(names = "--listen", paramLabel = "PORT", defaultValue = "3333",
      description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int listen;

  @Mixin ProbeOptions probe;

  @Mixin DatabaseOptions devices;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (probe.probe == null || probe.probe.startsWith("gdb:")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "gdb-server needs --probe"
          + " cmsis-dap[:SERIAL] or --probe sim:DEVICE");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (ProbeSession session = Probes.open(probe, devices.database(),
        w -> Main.errStream().println("warning: " + w))) {
      SwdTarget target = session.swd();
      try (GdbRspServer server = GdbRspServer.start(listen, target.memory(), target.core(),
          target, target.device())) {
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        spec.commandLine().getOut().println("serving STM32" + target.device().name() + " ("
            + session.describe() + ") to GDB on 127.0.0.1:" + server.port());
        spec.commandLine().getOut().flush();
        stopped.await();
      }
    }
    return ExitCode.OK.code();
  }
}
