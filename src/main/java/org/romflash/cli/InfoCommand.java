package org.romflash.cli;

import java.util.stream.Collectors;
import org.romflash.device.Device;
import org.romflash.protocol.BootloaderException;
import org.romflash.protocol.Command;
import org.romflash.protocol.NackException;
import org.romflash.protocol.Stage;
import picocli.CommandLine;

/** {@code romflash info}: what the chip says about itself. */
@CommandLine.Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show the bootloader version, command set, product ID, device and read"
        + " protection.")
final class InfoCommand extends SessionCommand {

  @Override
  ExitCode run(Session session) {
    String commands = session.info().commandCodes().stream()
        .map(code -> Command.ofCode(code).map(c -> String.format("0x%02X %s", code, c.title()))
            .orElse(String.format("0x%02X (unknown)", code)))
        .collect(Collectors.joining(", "));
    out().printf("Port:             %s%n", session.link().name());
    out().printf("Bootloader:       protocol v%s%n", session.info().versionText());
    out().printf("Commands:         %s%n", commands);
    out().printf("Product ID:       0x%03X%n", session.pid());
    if (!session.identified()) {
      out().printf("Device:           unknown: product ID 0x%03X is not in the device database%n",
          session.pid());
      out().printf("Read protection:  %s%n", readProtection(session, 0x08000000L));
      out().flush();
      throw new UnknownDeviceException(String.format("product ID 0x%03X is not in the device"
          + " database, so romflash cannot program this chip safely", session.pid()));
    }
    Device d = session.device();
    out().printf("Device:           STM32%s (%s)%n", d.name(), d.title());
    out().printf("Flash:            %s, %d KiB, %s%n", d.flashRegion(), d.flash().size() / 1024,
        layout(d));
    out().printf("Flash size:       %s%n", session.identity().flashSizeKib()
        .map(kib -> kib + " KiB (flash-size register at " + hex(d.flashSizeRegister()) + ")")
        .orElse("unknown (register unreadable); entry allows " + d.flash().size() / 1024
            + " KiB"));
    out().printf("RAM:              %s (bootloader uses %s)%n", d.ram(),
        d.bootloader().reservedRam());
    out().printf("Option bytes:     %s%s%n", d.optionBytes(), optionFields(session, d));
    out().printf("Unique ID:        %s (at %s)%n", uniqueId(session, d), hex(d.uidAddress()));
    out().printf("Source:           %s%n", d.source().replaceAll("\\s+", " "));
    out().printf("Read protection:  %s%n", readProtection(session, d.flash().base()));
    out().flush();
    return ExitCode.OK;
  }

  /** The 96-bit unique ID as the reference manuals print it: three words, most significant first. */
  private static String uniqueId(Session session, Device d) {
    try {
      byte[] raw = session.client().readMemory(d.uidAddress(), 12);
      StringBuilder text = new StringBuilder();
      for (int word = 2; word >= 0; word--) {
        for (int i = 3; i >= 0; i--) {
          text.append(String.format("%02X", raw[word * 4 + i]));
        }
        text.append(word > 0 ? "-" : "");
      }
      return text.toString();
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

  private static String layout(Device d) {
    long first = d.flash().units().get(0).size();
    String banks = d.flash().bankCount() > 1 ? " in " + d.flash().bankCount() + " banks" : "";
    return d.flash().uniform()
        ? d.flash().units().size() + " pages of " + DeviceTable.kib(first) + banks
        : d.flash().units().size() + " sectors of different sizes" + banks;
  }

  /** Reading one byte of flash is refused at the command stage exactly when RDP is active. */
  private static String readProtection(Session session, long flashBase) {
    try {
      session.client().readMemory(flashBase, 4);
      return "inactive (level 0)";
    } catch (NackException e) {
      return e.stage() == Stage.COMMAND ? "ACTIVE (level 1): memory cannot be read or written"
          : "unknown (read refused at the " + e.stage() + " stage)";
    } catch (BootloaderException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
