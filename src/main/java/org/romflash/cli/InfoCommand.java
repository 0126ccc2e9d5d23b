package org.romflash.cli;

import java.util.stream.Collectors;
import org.romflash.device.Device;
import org.romflash.protocol.BootloaderException;
import org.romflash.protocol.Command;
import org.romflash.protocol.NackException;
import picocli.CommandLine;

/** {@code romflash info}: what the chip says about itself. */
@CommandLine.Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show the bootloader version, command set, product ID, device and read"
        + " protection.")
final class InfoCommand extends SessionCommand {

  @Override
  ExitCode run(Session session) {
    if (session.probe() != null) {
      return throughProbe(session);
    }
    String commands = session.info().commandCodes().stream()
        .map(code -> Command.ofCode(code).map(c -> String.format("0x%02X %s", code, c.title()))
            .orElse(String.format("0x%02X (unknown)", code)))
        .collect(Collectors.joining(", "));
    line("Port", session.link().name());
    line("Bootloader", String.format("protocol v%s%s", session.info().versionText(),
        session.identified() ? bootloaderId(session, session.device()) : ""));
    line("Commands", commands);
    line("Product ID", String.format("0x%03X", session.pid()));
    if (!session.identified()) {
      line("Device", String.format("unknown: product ID 0x%03X is not in the device database",
          session.pid()));
      line("Read protection", readProtection(session, 0x08000000L));
      throw new UnknownDeviceException(String.format("product ID 0x%03X is not in the device"
          + " database, so romflash cannot program this chip safely", session.pid()));
    }
    Device d = session.device();
    deviceAndFlash(session, d);
    line("RAM", String.format("%s (bootloader uses %s)", d.ram(),
        d.bootloader().reservedRam()));
    line("Option bytes", String.format("%s%s", d.optionBytes(), optionFields(session, d)));
    line("Unique ID", String.format("%s (at %s)", uniqueId(session, d), hex(d.uidAddress())));
    line("Source", d.source().replaceAll("\\s+", " "));
    line("Read protection", readProtection(session, d.flash().base()));
    return ExitCode.OK;
  }

  /** The device, its flash layout and what its flash-size register says. */
  private void deviceAndFlash(Session session, Device d) {
    line("Device", String.format("STM32%s (%s)", d.name(), d.title()));
    line("Flash", String.format("%s, %d KiB, %s", d.flashRegion(), d.flash().size() / 1024,
        DeviceDescription.units(d.flash())));
    line("Flash size", session.identity().flashSizeKib()
        .map(kib -> kib + " KiB (flash-size register at " + hex(d.flashSizeRegister()) + ")")
        .orElse("unknown (register unreadable); entry allows " + d.flash().size() / 1024
            + " KiB"));
  }

  /** What a probe can tell: the probe, the device, flash, RAM and unique ID read over SWD. */
  private ExitCode throughProbe(Session session) {
    Device d = session.device();
    line("Probe", session.probe().describe());
    line("Product ID", String.format("0x%03X (DBGMCU IDCODE)", session.pid()));
    deviceAndFlash(session, d);
    line("RAM", d.ram().toString());
    line("Unique ID", String.format("%s (at %s)", new org.romflash.device.UniqueId(
        session.flash().read(d.uidAddress(), 12)), hex(d.uidAddress())));
    line("Source", d.source().replaceAll("\\s+", " "));
    return ExitCode.OK;
  }

  /** ", ID 0xB4 (at 0x1FFF6FFE)" where the entry says where the bootloader keeps its ID. */
  private static String bootloaderId(Session session, Device d) {
    if (d.bootloader().id().isEmpty()) {
      return "";
    }
    long at = d.bootloader().idAddress();
    try {
      return String.format(", ID 0x%02X (at 0x%08X)", session.client().readMemory(at, 1)[0] & 0xFF,
          at);
    } catch (NackException e) {
      return String.format(", ID unreadable at 0x%08X (read protection?)", at);
    }
  }

  /** One fact: a text line, or a string field of the --json result. */
  private void line(String label, String value) {
    if (json) {
      report.result().put(label.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'), value);
    } else {
      out().printf("%-18s%s%n", label + ":", value);
      out().flush();
    }
  }

  /** The 96-bit unique ID as the reference manuals print it: three words, most significant first. */
  private static String uniqueId(Session session, Device d) {
    try {
      return new org.romflash.device.UniqueId(session.client().readMemory(d.uidAddress(), 12))
          .toString();
    } catch (NackException e) {
      return "unreadable (read protection?)";
    }
  }

  /** ": RDP=0xAA (level 0), nBOOT0=0x01, ..." or why they cannot be read. */
  private static String optionFields(Session session, Device d) {
    try {
      org.romflash.device.OptionImage image = OptionBytesReader.read(session);
      return ": " + String.join(", ", d.options().fields().stream()
          .map(f -> f.name() + "=" + OptionBytesReader.describe(d, image, f)
              .replace("  level ", " level "))
          .toList());
    } catch (NackException e) {
      return " (unreadable: read protection?)";
    }
  }

  private static String hex(long address) {
    return String.format("0x%08X", address);
  }

  /** See {@link org.romflash.protocol.BootloaderClient#readProtected}. */
  private static String readProtection(Session session, long flashBase) {
    try {
      return session.client().readProtected(flashBase)
          ? "ACTIVE (level 1): memory cannot be read or written" : "inactive (level 0)";
    } catch (NackException e) {
      return "unknown (read refused at the " + e.stage() + " stage)";
    } catch (BootloaderException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
