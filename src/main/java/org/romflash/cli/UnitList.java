package org.romflash.cli;

import java.util.List;
import java.util.TreeSet;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import picocli.CommandLine;

/** Parses "0,4-7" into the device's erase units, refusing numbers the device does not have. */
final class UnitList {
  private UnitList() {}

  static List<EraseUnit> parse(List<String> items, Device device, CommandLine.Model.CommandSpec spec) {
    TreeSet<Integer> numbers = new TreeSet<>();
    for (String item : items) {
      String[] ends = item.trim().split("-", 2);
      try {
        int first = Integer.parseInt(ends[0].trim());
        int last = ends.length == 2 ? Integer.parseInt(ends[1].trim()) : first;
        if (last < first) {
          throw new NumberFormatException();
        }
        for (int n = first; n <= last; n++) {
          numbers.add(n);
        }
      } catch (NumberFormatException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--units: '" + item
            + "' is not a number or a range like 4-7");
      }
    }
    return numbers.stream().map(n -> device.flash().unit(n).orElseThrow(() ->
        new CommandLine.ParameterException(spec.commandLine(), String.format(
            "--units: STM32%s has units 0 to %d, not %d", device.name(),
            device.flash().units().size() - 1, n)))).toList();
  }
}
