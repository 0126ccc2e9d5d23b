package org.romflash.cli;

import java.util.ArrayList;
import java.util.List;
import org.romflash.device.Device;

/** The one-line-per-entry listing of {@code romflash devices}. */
final class DeviceTable {
  private DeviceTable() {}

  static String of(List<Device> devices) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"PID", "NAME", "FAMILY", "FLASH", "RAM", "PROTOCOL", "TITLE"});
    for (Device d : devices) {
      long ram = d.ramRegions().stream().mapToLong(r -> r.size()).sum();
      rows.add(new String[] {d.pidText(), d.name(), d.family(), kib(d.flash().size()), kib(ram),
          "v" + (d.bootloader().version() >> 4) + "." + (d.bootloader().version() & 0xF),
          d.title()});
    }
    return TextTable.render(rows) + devices.size() + (devices.size() == 1 ? " device" : " devices")
        + System.lineSeparator();
  }

  static String kib(long bytes) {
    return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
  }
}
