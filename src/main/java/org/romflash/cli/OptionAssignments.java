package org.romflash.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.romflash.device.Device;
import org.romflash.device.OptionField;
import picocli.CommandLine;

/**
 * {@code NAME=VALUE} option-byte assignments: checked against the device's field list and widths,
 * and against the confirmation rules (--yes always; --permanently-lock for RDP level 2).
 */
final class OptionAssignments {
  private OptionAssignments() {}

  static Map<OptionField, Long> parse(List<String> assignments, Device d,
      CommandLine.Model.CommandSpec spec) {
    Map<OptionField, Long> changes = new LinkedHashMap<>();
    for (String assignment : assignments) {
      String[] parts = assignment.split("=", 2);
      OptionField field = parts.length == 2 ? d.options().field(parts[0].trim()).orElse(null)
          : null;
      if (field == null) {
        List<String> known = new ArrayList<>();
        d.options().fields().forEach(f -> known.add(f.name()));
        throw new CommandLine.ParameterException(spec.commandLine(), "'" + assignment + "' does"
            + " not name a field of STM32" + d.name() + "'s option bytes; known: "
            + String.join(", ", known));
      }
      long value = Numbers.parse(parts[1].trim());
      if (value >= 1L << field.width()) {
        throw new CommandLine.ParameterException(spec.commandLine(), String.format(
            "%s is %d bit%s wide: %s does not fit", field.name(), field.width(),
            field.width() == 1 ? "" : "s", parts[1].trim()));
      }
      changes.put(field, value);
    }
    return changes;
  }

  static void confirm(Device d, Map<OptionField, Long> changes, boolean yes,
      boolean permanentlyLock) {
    for (Map.Entry<OptionField, Long> change : changes.entrySet()) {
      boolean rdp = change.getKey().name().equalsIgnoreCase("RDP");
      if (rdp && d.options().rdpLevel(change.getValue().intValue()) == 2 && !permanentlyLock) {
        throw new ConfirmationMissingException(String.format("RDP=0x%02X is read-protection level"
            + " 2: the bootloader and the debug port are disabled for good and the chip can never"
            + " be reprogrammed or unlocked", change.getValue()), "--yes --permanently-lock");
      }
    }
    if (!yes) {
      throw new ConfirmationMissingException("writing option bytes changes how the chip boots and"
          + " protects itself, and a wrong value can lock you out", "--yes");
    }
  }
}
