package org.romflash.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code romflash gang}: the station's options (ports, journal, serial numbers, line mode); its
 * subcommand {@code write} does the work.
 */
@Command(name = "gang", mixinStandardHelpOptions = true,
    subcommands = GangWriteCommand.class,
    description = {"Program many boards at once (a worker per port), with a journal line per unit"
        + " and serial numbers.",
        "  romflash gang --ports /dev/ttyUSB* --journal line1.jsonl write fw.hex",
        "  romflash gang --ports sim:F103xB*8 write fw.hex      (8 emulated chips)",
        "Station options go before 'write', write options after it. Exits 0 only when every"
            + " unit was verified; 10 when any failed."})
final class GangCommand implements Runnable {
  @Option(names = "--ports", paramLabel = "LIST",
      description = "Ports, comma-separated: names, globs (/dev/ttyUSB*), tcp://HOST:PORT, or"
          + " sim:DEVICE*N for N emulated chips.")
  String ports;

  @Option(names = "--retry-failed", paramLabel = "JOURNAL",
      description = "Program again only the ports whose unit failed in JOURNAL's last run (and"
          + " append to JOURNAL unless --journal says otherwise).")
  Path retryFailed;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "Append one JSON line per unit to FILE (created if needed, never rewritten)."
          + " Needed for serial numbers: it is their record.")
  Path journal;

  @Option(names = "--station", paramLabel = "NAME",
      description = "This station's name in the journal (default: the host name).")
  String station;

  @Option(names = "--serial-at", paramLabel = "ADDR", converter = Numbers.class,
      description = "Write a serial number at ADDR in flash (outside the image's data), with the"
          + " image, verified with it.")
  Long serialAt;

  @Option(names = "--serial-format", paramLabel = "FORMAT", defaultValue = "text",
      description = "How the serial is written: a template such as SN{:08d} (ASCII), text (the"
          + " number or CSV value as ASCII), or u16le|u32le|u64le (default: ${DEFAULT-VALUE}).")
  String serialFormat;

  @Option(names = "--serial-start", paramLabel = "N", converter = Numbers.class,
      description = "First serial number to count from (default: 1); numbers the journal holds"
          + " are skipped.")
  Long serialStart;

  @Option(names = "--serial-csv", paramLabel = "FILE",
      description = "Take each unit's serial from FILE's UID,SERIAL lines instead of counting.")
  Path serialCsv;

  @Option(names = "--reuse-failed-serials", description = "Let numbers recorded for failed units"
      + " be given out again (without it, a number is never reused once issued).")
  boolean reuseFailedSerials;

  @Option(names = "--loop", description = "Line mode: on each port wait for a board (its"
      + " bootloader answering 0x7F), program it, wait until it is taken away, and so on until"
      + " Ctrl-C. A stop never leaves half a journal line.")
  boolean loop;

  @Option(names = "--poll", paramLabel = "MS", defaultValue = "500",
      description = "Line mode: how often an empty port is asked (default: ${DEFAULT-VALUE} ms).")
  int pollMillis;

  @Option(names = {"-q", "--quiet"}, description = "No live view; only the summary and errors.")
  boolean quiet;

  @Option(names = "--json", description = "Print one JSON object (every unit's journal line,"
      + " counts, exit code) instead of the summary table.")
  boolean json;

  @Mixin LinkOptions link;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "gang needs what to do: 'romflash"
        + " gang --ports LIST write FILE'");
  }
}
