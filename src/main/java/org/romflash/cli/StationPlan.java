package org.romflash.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.romflash.factory.JournalHistory;
import org.romflash.factory.PortList;
import org.romflash.factory.SerialFormat;
import org.romflash.factory.SerialNumbers;
import org.romflash.factory.SerialTable;
import org.romflash.factory.UnitJob;
import org.romflash.image.FirmwareImage;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A gang run's options checked and resolved before any port is opened: the ports (from --ports or
 * from a journal's failures), the journal and what it already records, and the serial numbers.
 */
final class StationPlan {
  private static final long DEFAULT_FLASH_BASE = 0x0800_0000L;

  private final GangCommand gang;
  private final List<String> ports;
  private final Path journal;
  private final JournalHistory history;

  private StationPlan(GangCommand gang, List<String> ports, Path journal,
      JournalHistory history) {
    this.gang = gang;
    this.ports = ports;
    this.journal = journal;
    this.history = history;
  }

  static StationPlan of(GangCommand gang, CommandLine.Model.CommandSpec spec) throws IOException {
    CommandLine line = spec.commandLine();
    if ((gang.ports == null) == (gang.retryFailed == null)) {
      throw new ParameterException(line, "give either --ports LIST or --retry-failed JOURNAL"
          + " (before 'write')");
    }
    boolean serials = gang.serialAt != null;
    if (!serials && (gang.serialCsv != null || gang.serialStart != null)) {
      throw new ParameterException(line, "--serial-csv and --serial-start need --serial-at ADDR");
    }
    if (gang.serialCsv != null && gang.serialStart != null) {
      throw new ParameterException(line, "--serial-csv and --serial-start cannot be combined");
    }
    Path journal = gang.journal != null ? gang.journal : gang.retryFailed;
    if (serials && journal == null) {
      throw new ParameterException(line, "serial numbers need --journal FILE: it records which"
          + " numbers were issued, so that none is issued twice");
    }
    JournalHistory history = journal == null ? JournalHistory.empty()
        : JournalHistory.read(journal);
    List<String> ports;
    try {
      ports = gang.ports != null ? PortList.expand(gang.ports)
          : JournalHistory.read(gang.retryFailed).portsToRetry();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(line, e.getMessage());
    }
    if (history.broken() > 0) {
      warn("the journal " + journal + " has " + history.broken() + " incomplete line(s)"
          + " (a power loss while writing?); they are skipped");
    }
    if (journal == null && !gang.quiet && !gang.json) {
      warn("no --journal: the units of this run are not recorded");
    }
    return new StationPlan(gang, ports, journal, history);
  }

  List<String> ports() {
    return ports;
  }

  /** The journal to append to, or null. */
  Path journal() {
    return journal;
  }

  /** The image; a raw binary goes to the expected device's flash, else to 0x08000000. */
  FirmwareImage readImage(ImageOptions image, String expectedDevice) throws IOException {
    return image.read(expectedDevice != null
        ? gang.link.devices.named(expectedDevice).flash().base() : DEFAULT_FLASH_BASE);
  }

  /** Who hands out serial numbers, or null without --serial-at. */
  UnitJob.SerialPlacement serials(FirmwareImage firmware) throws IOException {
    if (gang.serialAt == null) {
      return null;
    }
    long at = gang.serialAt;
    if (firmware.copyRange(at, new byte[1], 0xFF)) {
      throw new ParameterException(gang.spec.commandLine(), String.format("--serial-at 0x%08X"
          + " lies inside the image's data: choose an address the image leaves free", at));
    }
    SerialFormat format;
    try {
      format = SerialFormat.parse(gang.serialFormat);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(gang.spec.commandLine(), e.getMessage());
    }
    SerialNumbers numbers = gang.serialCsv != null
        ? SerialNumbers.fromTable(format, SerialTable.read(gang.serialCsv), history,
            gang.reuseFailedSerials)
        : SerialNumbers.counting(format, gang.serialStart == null ? 1 : gang.serialStart, history,
            gang.reuseFailedSerials);
    return new UnitJob.SerialPlacement(at, numbers);
  }

  private static void warn(String text) {
    PrintStream err = Main.errStream();
    err.println("warning: " + text);
  }
}
