package org.romflash.cli;

import java.util.ArrayList;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.OptionField;
import org.romflash.device.OptionImage;
import picocli.CommandLine;

/** {@code romflash option-bytes show}. */
@CommandLine.Command(name = "show", mixinStandardHelpOptions = true,
    description = "Read the option bytes and decode every field the device entry names.")
final class ShowOptionBytesCommand extends SessionCommand {

  @Override
  ExitCode run(Session session) {
    Device d = session.device();
    OptionImage image = OptionBytesReader.read(session);
    for (OptionField f : d.options().fields()) {
      report.result().withObject("/fields").put(f.name(), image.value(f));
    }
    report.result().put("complements_valid", image.complementsValid())
        .put("read_protection_level", image.readProtectionLevel());
    if (json) {
      return ExitCode.OK;
    }
    out().printf("Option bytes of STM32%s at %s:%n", d.name(), d.optionBytes());
    StringBuilder hex = new StringBuilder();
    byte[] bytes = image.bytes();
    for (int i = 0; i < bytes.length; i++) {
      hex.append(i % 16 == 0 ? (i == 0 ? "  " : System.lineSeparator() + "  ") : " ")
          .append(String.format("%02X", bytes[i]));
    }
    out().println(hex);
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"FIELD", "BITS", "VALUE"});
    for (OptionField f : d.options().fields()) {
      rows.add(new String[] {f.name(), f.location(), OptionBytesReader.describe(d, image, f)});
    }
    out().print(TextTable.render(rows));
    if (!image.complementsValid()) {
      out().println("Complements: WRONG (the chip reports an option-byte error and loads read"
          + " protection)");
    }
    out().flush();
    return ExitCode.OK;
  }
}
