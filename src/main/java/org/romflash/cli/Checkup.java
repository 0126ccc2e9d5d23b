package org.romflash.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.romflash.cli.CheckupReport.Finding;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.link.LinkException;
import org.romflash.link.Parity;
import org.romflash.link.PortHolders;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.BootloaderException;
import org.romflash.protocol.BootloaderInfo;
import org.romflash.protocol.Bytes;
import org.romflash.protocol.NackException;
import org.romflash.protocol.SyncAnswer;
import org.romflash.protocol.Timeouts;

/**
 * The "no response from the target" checklist, walked for real: open the port, probe with 0x7F at
 * each line setting until something answers, and when the bootloader answers, run Get, Get ID and
 * a one-byte Read Memory to name the chip and its read protection. Returns a {@link CheckupReport};
 * {@link DoctorCommand} prints it.
 */
final class Checkup {
  /** How long each 0x7F waits for its answer: a bootloader answers within microseconds. */
  static final Duration PROBE_WINDOW = Duration.ofMillis(200);

  /** The usual bootloader baud rates, fastest first; AN3155 allows 1200 to 115200. */
  static final List<Integer> SWEEP_BAUDS = List.of(115_200, 57_600, 38_400, 19_200, 9_600);

  /** Where no device entry says otherwise, flash starts here on every STM32. */
  private static final long FLASH_BASE = 0x08000000L;

  /** Opens the link under test with a line setting; throws {@link LinkException} when it cannot. */
  interface Opener {
    Session.Port open(LineSetting setting);
  }

  /** A baud rate and parity, printed as {@code 115200 8E1}. */
  record LineSetting(int baud, Parity parity) {
    @Override
    public String toString() {
      return baud + " 8" + parity.name().charAt(0) + "1";
    }
  }

  private final String portName;
  private final Opener opener;
  private final List<LineSetting> settings;
  private final DeviceDatabase database;
  private final Duration window;
  private final Supplier<List<PortHolders.Holder>> holders;
  private final Consumer<String> probeListener;
  private final List<String> probes = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  /**
   * @param settings the line settings to probe, in order
   * @param holders the other processes that have the port open (empty where that cannot be known)
   * @param probeListener receives each probe line as it happens, for live output
   */
  Checkup(String portName, Opener opener, List<LineSetting> settings, DeviceDatabase database,
      Duration window, Supplier<List<PortHolders.Holder>> holders,
      Consumer<String> probeListener) {
    this.portName = portName;
    this.opener = opener;
    this.settings = List.copyOf(settings);
    this.database = database;
    this.window = window;
    this.holders = holders;
    this.probeListener = probeListener;
  }

  /** {@code firstBaud} and then the other usual rates, each with even parity and then none. */
  static List<LineSetting> sweep(int firstBaud) {
    List<Integer> bauds = new ArrayList<>(List.of(firstBaud));
    SWEEP_BAUDS.stream().filter(b -> b != firstBaud).forEach(bauds::add);
    List<LineSetting> sweep = new ArrayList<>();
    for (int baud : bauds) {
      sweep.add(new LineSetting(baud, Parity.EVEN));
      sweep.add(new LineSetting(baud, Parity.NONE));
    }
    return sweep;
  }

  CheckupReport run() {
    boolean garbage = false;
    for (LineSetting setting : settings) {
      Session.Port port;
      try {
        port = opener.open(setting);
      } catch (LinkException e) {
        if (setting.parity() != Parity.NONE && e.getMessage().contains("parity")) {
          probe(setting, "the port refuses " + setting.parity().name().toLowerCase(
              java.util.Locale.ROOT) + " parity (a pseudo-terminal carries none)");
          continue;
        }
        return cannotUse(e);
      }
      try (port) {
        BootloaderClient client = new BootloaderClient(port.link(), Timeouts.forBaud(
            setting.baud()));
        SyncAnswer answer = client.probe(window);
        probe(setting, describe(answer));
        if (answer instanceof SyncAnswer.Ack || answer instanceof SyncAnswer.Nack) {
          return answered(client, setting, answer instanceof SyncAnswer.Ack);
        }
        if (answer instanceof SyncAnswer.Echo echo) {
          return echoed(echo);
        }
        garbage |= answer instanceof SyncAnswer.Garbage;
      } catch (LinkException e) {
        return cannotUse(e);
      }
    }
    return unanswered(garbage);
  }

  private CheckupReport answered(BootloaderClient client, LineSetting setting, boolean fresh) {
    findings.add(Finding.ok("the bootloader answers at " + setting + (fresh ? "" : "; it was"
        + " already synchronised (a previous program left it waiting for a command), so 0x7F got"
        + " NACK")));
    try {
      BootloaderInfo info = client.get();
      findings.add(Finding.ok("Get: bootloader protocol v" + info.versionText() + ", "
          + info.commandCodes().size() + " commands"));
      int pid = client.getId();
      List<Device> devices = database.byPid(pid);
      if (devices.isEmpty()) {
        findings.add(Finding.warning(String.format("product ID 0x%03X is not in the device"
            + " database", pid), "add a device file for it and pass --devices DIR (see"
            + " devices/README.md)"));
        readProtection(client, FLASH_BASE);
      } else {
        findings.add(Finding.ok(String.format("product ID 0x%03X: STM32%s (%s)", pid,
            devices.stream().map(Device::name).collect(Collectors.joining(" or STM32")),
            devices.get(0).title())));
        readProtection(client, devices.get(0).flash().base());
      }
    } catch (BootloaderException e) {
      Diagnostics.Diagnosis d = Diagnostics.of(e, portName);
      findings.add(Finding.problem(d.exitCode(), "after answering 0x7F at " + setting
          + " the bootloader failed: " + d.message(), d.hint()));
    }
    return report(List.of());
  }

  /** A Read Memory refused at the command stage means read protection is active (AN3155 3.4). */
  private void readProtection(BootloaderClient client, long flashBase) {
    String where = String.format("0x%08X", flashBase);
    try {
      findings.add(client.readProtected(flashBase)
          ? Finding.warning("read protection is ACTIVE (level 1): Read Memory is refused, so flash"
              + " cannot be read or written", "`romflash unprotect readout --yes` removes it,"
              + " which erases the whole flash")
          : Finding.ok("read protection: inactive (read 1 byte at " + where + ")"));
    } catch (NackException e) {
      findings.add(Finding.warning("Read Memory of 1 byte at " + where + " was refused at the "
          + e.stage() + " stage", ""));
    } catch (BootloaderException e) {
      findings.add(Finding.warning("read protection unknown: " + e.getMessage(), ""));
    }
  }

  private CheckupReport echoed(SyncAnswer.Echo echo) {
    List<Integer> after = echo.received().stream().dropWhile(b -> b == Bytes.SYNC).toList();
    if (after.isEmpty()) {
      findings.add(Finding.problem(ExitCode.NO_RESPONSE, "every byte sent comes straight back:"
          + " 0x7F was echoed and nothing else answered", "a loopback plug or a jumper from TX to"
          + " RX is on the adapter, or it echoes what it sends: connect the adapter's TX to the"
          + " chip's RX only and its RX to the chip's TX only"));
    } else {
      findings.add(Finding.problem(ExitCode.PROTOCOL_ERROR, "0x7F came back, followed by "
          + hex(after) + ": the line echoes what romflash sends", "TX and RX are joined (a"
          + " one-wire or half-duplex connection, or a jumper); romflash needs the adapter's TX to"
          + " reach only the chip's RX and its RX only the chip's TX"));
    }
    return report(Checklist.NO_ANSWER);
  }

  private CheckupReport unanswered(boolean garbage) {
    List<PortHolders.Holder> others = holders.get();
    if (!others.isEmpty()) {
      findings.add(Finding.warning(portName + " is also open in " + describe(others), "a program"
          + " reading the port takes the bootloader's answers: close it (unless it is what serves"
          + " the port, such as socat for a pseudo-terminal)"));
    }
    if (garbage) {
      findings.add(Finding.problem(ExitCode.PROTOCOL_ERROR, "bytes came back, but never a clean"
          + " ACK or NACK: the baud rate or parity does not match, or the line is noisy", "reset"
          + " the chip and run doctor again (the bootloader keeps the baud of the first 0x7F after"
          + " reset); check ground and cable length"));
    } else {
      findings.add(Finding.problem(ExitCode.NO_RESPONSE, "nothing answered 0x7F"
          + (settings.size() > 1 ? " at any baud rate or parity tried" : ""), ""));
    }
    return report(Checklist.NO_ANSWER);
  }

  private CheckupReport cannotUse(LinkException e) {
    List<PortHolders.Holder> others = holders.get();
    if (!others.isEmpty()) {
      findings.add(Finding.problem(ExitCode.LINK_FAILED, portName + " is open in "
          + describe(others), "close that program (a terminal, ModemManager, another romflash)"
          + " and run doctor again"));
    }
    Diagnostics.Diagnosis d = Diagnostics.of(e, portName);
    boolean missing = e.getMessage().contains("no such") || e.getMessage().contains("not exist");
    findings.add(Finding.problem(d.exitCode(), e.getMessage(), d.hint()
        + (missing ? "; `romflash ports` lists the serial ports" : "")));
    return report(List.of());
  }

  private void probe(LineSetting setting, String result) {
    String line = "probe " + setting + ": " + result;
    probes.add(line);
    probeListener.accept(line);
  }

  private CheckupReport report(List<String> checklist) {
    return new CheckupReport(probes, findings, checklist);
  }

  private String describe(SyncAnswer answer) {
    if (answer instanceof SyncAnswer.Ack ack) {
      return "0x79 (ACK)" + (ack.attempt() > 1 ? " to the second 0x7F" : "")
          + ": the bootloader answered";
    }
    if (answer instanceof SyncAnswer.Nack nack) {
      return "0x1F (NACK)" + (nack.attempt() > 1 ? " to the second 0x7F" : "")
          + ": already synchronised";
    }
    if (answer instanceof SyncAnswer.Echo echo) {
      return "echo: " + hex(echo.received()) + " came back";
    }
    if (answer instanceof SyncAnswer.Garbage bytes) {
      return "garbage: " + hex(bytes.received()) + " (neither ACK nor NACK)";
    }
    return "no answer in " + window.toMillis() + " ms (0x7F sent twice)";
  }

  private static String describe(List<PortHolders.Holder> holders) {
    return holders.stream().map(PortHolders.Holder::toString).collect(Collectors.joining(", "));
  }

  private static String hex(List<Integer> bytes) {
    return bytes.stream().map(b -> String.format("0x%02X", b)).collect(Collectors.joining(" "));
  }
}
