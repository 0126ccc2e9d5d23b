package org.romflash.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.FlashLayout;
import org.romflash.device.MemoryRegion;
import org.romflash.device.OptionField;
import org.romflash.protocol.Command;

/** One entry explained: what it covers, its bootloader, its memory map as a table, its sources. */
final class DeviceDescription {
  private DeviceDescription() {}

  static String of(Device d) {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    text.append("STM32").append(d.name()).append(": ").append(d.title()).append(" (")
        .append(d.family()).append(")").append(nl);
    line(text, "Product ID", d.pidText());
    line(text, "Parts", String.join(", ", d.parts()));
    line(text, "Bootloader", bootloader(d));
    line(text, "Commands", d.bootloader().commands().stream()
        .map(c -> Command.ofCode(c).map(Command::title).orElse(String.format("0x%02X", c)))
        .collect(Collectors.joining(", ")));
    line(text, "Flash", String.format("%s; program word %d bytes; erased 0x%02X; rewrite %s",
        units(d.flash()), d.programWord(), d.erasedValue(), d.rewrite().name()
            .toLowerCase(Locale.ROOT).replace('_', '-')));
    line(text, "Option fields", d.options().fields().stream().map(OptionField::toString)
        .collect(Collectors.joining(", "))
        + (d.options().bootByPinsOnly() ? " (boot chosen by the BOOT pins only)" : ""));
    line(text, "Quirks", d.quirks().isEmpty() ? "none" : d.quirks().stream()
        .map(q -> q.name().toLowerCase(Locale.ROOT).replace('_', '-')).sorted()
        .collect(Collectors.joining(", ")));
    text.append("Memory map:").append(nl);
    text.append(TextTable.render(memoryMap(d)).indent(2));
    line(text, "Source", d.source().replaceAll("\\s+", " "));
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format("%-14s %s%n", label + ":", value));
  }

  private static String bootloader(Device d) {
    int v = d.bootloader().version();
    String id = d.bootloader().id().isPresent()
        ? String.format(", ID 0x%02X at 0x%08X", d.bootloader().id().getAsInt(),
            d.bootloader().idAddress())
        : "";
    return "USART protocol v" + (v >> 4) + "." + (v & 0xF) + id;
  }

  /** "erase units 4 x 16 KiB, 1 x 64 KiB, 7 x 128 KiB", with the bank count. */
  static String units(FlashLayout flash) {
    List<String> runs = new ArrayList<>();
    EraseUnit previous = null;
    int count = 0;
    for (EraseUnit unit : flash.units()) {
      if (previous != null && (unit.size() != previous.size() || unit.bank() != previous.bank())) {
        runs.add(count + " x " + DeviceTable.kib(previous.size()));
        count = 0;
      }
      count++;
      previous = unit;
    }
    runs.add(count + " x " + DeviceTable.kib(previous.size()));
    String banks = flash.bankCount() > 1 ? " in " + flash.bankCount() + " banks" : "";
    return "erase units " + String.join(", ", runs) + banks;
  }

  private static List<String[]> memoryMap(Device d) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"REGION", "START", "END", "SIZE"});
    for (int bank = 1; bank <= d.flash().bankCount(); bank++) {
      int b = bank;
      List<EraseUnit> units = d.flash().units().stream().filter(u -> u.bank() == b).toList();
      long start = units.get(0).address();
      long end = units.get(units.size() - 1).end();
      String name = d.flash().bankCount() > 1 ? "flash bank " + bank : "flash";
      rows.add(row(name, new MemoryRegion(start, end - start)));
    }
    d.ramRegions().forEach(r -> rows.add(row("RAM", r)));
    rows.add(row("  bootloader's", d.bootloader().reservedRam()));
    d.eeprom().ifPresent(e -> rows.add(row("data EEPROM", e)));
    rows.add(row("system memory", d.systemMemory()));
    d.otp().ifPresent(o -> rows.add(row("OTP", o)));
    rows.add(row("option bytes", d.optionBytes()));
    rows.add(row("flash size reg", new MemoryRegion(d.flashSizeRegister(), 2)));
    rows.add(row("unique ID", new MemoryRegion(d.uidAddress(), 12)));
    return rows;
  }

  private static String[] row(String name, MemoryRegion r) {
    return new String[] {name, String.format("0x%08X", r.start()),
        String.format("0x%08X", r.end() - 1), DeviceTable.kib(r.size())};
  }
}
