package org.romflash.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.romflash.device.BootloaderProfile;
import org.romflash.device.Device;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;
import org.romflash.emulator.FaultPlan;
import org.romflash.emulator.TimingModel;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;
import org.romflash.image.Segment;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code romflash emulate}: an emulated chip other programs can talk to. */
@CommandLine.Command(name = "emulate", mixinStandardHelpOptions = true,
    description = {"Run an emulated STM32 bootloader on a pseudo-terminal or a loopback TCP port,",
        "until stopped with Ctrl-C. Any serial tool can program it (on a pty use 8N1:",
        "stm32flash -m 8n1, romflash --parity none)."})
final class EmulateCommand implements Callable<Integer> {
  @Option(names = {"-d", "--device"}, paramLabel = "NAME", defaultValue = "F103xB",
      description = "Device to emulate (default: ${DEFAULT-VALUE}).")
  String device;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where;

  static final class Where {
    @Option(names = "--pty", paramLabel = "PATH", required = true,
        description = "Create a pseudo-terminal at PATH (needs socat).")
    Path pty;

    @Option(names = "--tcp", paramLabel = "PORT", required = true,
        description = "Listen on 127.0.0.1:PORT (0 picks a free port).")
    Integer tcp;
  }

  @Option(names = "--timing", paramLabel = "instant|realistic", defaultValue = "instant",
      description = "instant (default) or realistic: wire time at --sim-baud, --latency before each"
          + " reply, datasheet program and erase times.")
  String timing;

  @Option(names = "--sim-baud", paramLabel = "BAUD", defaultValue = "115200",
      description = "Baud rate the realistic timing charges bytes at (default: ${DEFAULT-VALUE}).")
  int baud;

  @Option(names = "--latency", paramLabel = "MS", defaultValue = "1",
      description = "Turnaround latency in ms with realistic timing (default: ${DEFAULT-VALUE}).")
  int latencyMillis;

  @Option(names = "--rdp", paramLabel = "LEVEL", defaultValue = "0",
      description = "Start at this read-protection level (0, 1, or 2: the bootloader never"
          + " answers).")
  int readProtection;

  @Option(names = "--load", paramLabel = "FILE",
      description = "Start with this image already in memory (HEX, or binary at the flash base).")
  Path load;

  @Option(names = "--offer-checksum",
      description = "Make the bootloader list Get Checksum (0xA1) and report protocol v3.3, as"
          + " newer ROMs do, whatever the device's own bootloader offers.")
  boolean offerChecksum;

  @Mixin DatabaseOptions devices;

  @Option(names = "--boards", paramLabel = "N", defaultValue = "1",
      description = "Emulate N boards, each on its own pseudo-terminal (PATH1 to PATHN) with its"
          + " own unique ID, for trying 'romflash gang' (default: ${DEFAULT-VALUE}).")
  int boards;

  @Option(names = "--faults", paramLabel = "SPEC", converter = FaultPlanConverter.class,
      description = "Inject faults: seed=N,drop=P,corrupt=P,nack=P.")
  FaultPlan faults;

  @Override
  public Integer call() throws Exception {
    Device entry = devices.named(device);
    if (boards < 1 || boards > 64 || (boards > 1 && where.pty == null)) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(), "--boards takes 1 to 64,"
          + " and more than one only with --pty");
    }
    Emulator.Options options = Emulator.Options.defaults().withTiming(timingModel());
    if (faults != null) {
      options = options.withFaults(faults);
    }
    BootloaderProfile profile = entry.bootloader();
    if (offerChecksum) {
      profile = profile.withGetChecksum();
      options = options.withProfile(profile);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    List<EmulatorServer> servers = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopped.countDown();
      servers.forEach(EmulatorServer::shutdown);
    }));
    try {
      for (int board = 1; board <= boards; board++) {
        EmulatorServer server = new EmulatorServer(chip(entry, board), options);
        servers.add(server);
        String at;
        if (where.pty != null) {
          Path path = boards == 1 ? where.pty
              : where.pty.resolveSibling(where.pty.getFileName() + Integer.toString(board));
          at = server.startPty(path, w -> { }).hostPath() + " (pseudo-terminal: use 8N1)";
        } else {
          at = "tcp://127.0.0.1:" + server.startTcp(where.tcp);
        }
        PrintReady.line(spec(), "emulating STM32" + entry.name() + " (PID " + entry.pidText()
            + ", bootloader v" + (profile.version() >> 4) + "." + (profile.version() & 0xF)
            + ") on " + at);
      }
      stopped.await();
    } finally {
      servers.forEach(EmulatorServer::shutdown);
    }
    return ExitCode.OK.code();
  }

  /** Board {@code n}'s chip: its own unique ID when there are several, the image loaded. */
  private Chip chip(Device entry, int n) throws java.io.IOException {
    Chip chip = new Chip(entry);
    if (boards > 1) {
      chip.setUniqueId(SimulatedBoard.uniqueId(entry.name(), 0x100 + n, 1));
    }
    if (load != null) {
      FirmwareImage image = ImageFiles.read(load, entry.flash().base());
      for (Segment s : image.segments()) {
        chip.load(s.address(), s.data());
      }
    }
    chip.setReadProtectionLevel(readProtection);
    return chip;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

  private CommandLine.Model.CommandSpec spec() {
    return commandSpec;
  }

  private TimingModel timingModel() {
    return switch (timing) {
      case "instant" -> TimingModel.instant();
      case "realistic" -> TimingModel.realistic(baud, Duration.ofMillis(latencyMillis));
      default -> throw new CommandLine.ParameterException(commandSpec.commandLine(),
          "--timing must be instant or realistic, not '" + timing + "'");
    };
  }

  /** Prints the ready line and flushes, so scripts waiting for it see it at once. */
  static final class PrintReady {
    private PrintReady() {}

    static void line(CommandLine.Model.CommandSpec spec, String text) {
      spec.commandLine().getOut().println(text);
      spec.commandLine().getOut().flush();
    }
  }
}
