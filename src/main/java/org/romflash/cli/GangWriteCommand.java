package org.romflash.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.romflash.factory.Fixture;
import org.romflash.factory.ImageIdentity;
import org.romflash.factory.Journal;
import org.romflash.factory.JournalHistory;
import org.romflash.factory.Station;
import org.romflash.factory.StopSignal;
import org.romflash.factory.UnitJob;
import org.romflash.factory.UnitRecord;
import org.romflash.flash.EraseMode;
import org.romflash.flash.VerifyMode;
import org.romflash.image.FirmwareImage;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code romflash gang ... write}: writes one image to the board on every port at once. */
@CommandLine.Command(name = "write", mixinStandardHelpOptions = true,
    description = {"Write FILE to every port's board at once: erase what it touches, write,"
        + " verify, then the serial number (--serial-at) in the same pass.",
        "Each unit gets one journal line (--journal); a summary table ends the run."})
final class GangWriteCommand implements Callable<Integer> {
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  @ParentCommand GangCommand gang;

  @Mixin ImageOptions image;

  @Option(names = "--erase", paramLabel = "touched|mass|none", defaultValue = "touched",
      description = "What to erase first (default: ${DEFAULT-VALUE}).")
  EraseMode erase;

  @Option(names = "--verify", paramLabel = "auto|crc|readback", defaultValue = "auto",
      description = "How to verify (default: ${DEFAULT-VALUE}, as for 'romflash write').")
  VerifyMode verify;

  @Option(names = "--device", paramLabel = "NAME",
      description = "Fail units whose chip is not this device (e.g. F103xB).")
  String expectedDevice;

  @Mixin GangFinishOptions finish;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    StationPlan plan = StationPlan.of(gang, spec);
    finish.check(spec);
    if (verify == VerifyMode.NONE) {
      throw new CommandLine.ParameterException(spec.commandLine(), "a gang run always verifies:"
          + " a unit is only recorded as passed when the chip holds the image");
    }
    PrintStream err = Main.errStream();
    if (plan.ports().isEmpty()) {
      err.println("nothing to retry: every unit of the last run in " + gang.retryFailed
          + " passed");
      return ExitCode.OK.code();
    }
    FirmwareImage firmware = plan.readImage(image, expectedDevice);
    UnitJob.Settings settings = new UnitJob.Settings(firmware, ImageIdentity.of(image.file),
        erase, verify, expectedDevice, plan.serials(firmware));
    StopSignal stop = new StopSignal();
    StationView view = new StationView(err, !gang.quiet && !gang.json
        && System.console() != null, plan.ports());
    try (Journal journal = plan.journal() == null ? null : Journal.open(plan.journal())) {
      Station station = new Station(plan.ports(), this::fixture, new UnitJob(settings, stop),
          journal, UnitFailures::describe, gang.quiet || gang.json ? u -> { } : view,
          new Station.Settings(runId(), stationName(), gang.loop,
              Duration.ofMillis(gang.pollMillis)), stop);
      CountDownLatch reported = new CountDownLatch(1);
      Thread hook = new Thread(() -> stopOnSignal(stop, station, journal, reported), "stop");
      Runtime.getRuntime().addShutdownHook(hook);
      List<UnitRecord> units = station.run();
      view.close();
      ExitCode code = report(new StationSummary(units, plan.ports()), plan);
      reported.countDown();
      removeHook(hook);
      return code.code();
    } finally {
      view.close();
    }
  }

  private Fixture fixture(String port) {
    PrintStream err = Main.errStream();
    java.util.function.Consumer<String> warnings = gang.quiet || gang.json ? w -> { }
        : w -> err.println(port + ": warning: " + w);
    return port.startsWith("sim:") ? new SimFixture(gang.link, port, finish, warnings)
        : new PortFixture(gang.link, port, finish, warnings);
  }

  /** Ctrl-C: no new units; units in progress stop at their next block and are journaled. */
  private static void stopOnSignal(StopSignal stop, Station station, Journal journal,
      CountDownLatch reported) {
    stop.raise();
    Main.errStream().println("stopping: boards being programmed stop at their next block and are"
        + " journaled as interrupted (waiting up to " + STOP_GRACE.toSeconds() + " s)");
    try {
      station.awaitWorkers(STOP_GRACE);
      if (journal != null) {
        journal.close();
      }
      reported.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ExitCode report(StationSummary s, StationPlan plan) {
    if (gang.json) {
      spec.commandLine().getOut().println(s.json(plan.journal()));
    } else {
      spec.commandLine().getOut().print(s.table(plan.journal(), plan.ports(), gang.loop));
    }
    spec.commandLine().getOut().flush();
    return s.exitCode();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it has nothing left to wait for.
    }
  }

  private String stationName() {
    if (gang.station != null) {
      return gang.station;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "station";
    }
  }

  private static String runId() {
    return Instant.now().toString().replaceAll("[-:]", "").replaceAll("\\.\\d+", "") + "-"
        + String.format("%06x", java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24));
  }
}
