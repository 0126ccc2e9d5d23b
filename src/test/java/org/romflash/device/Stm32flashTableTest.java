package org.romflash.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Our database against stm32flash 0.7's device table, wherever both know a product ID. Every
 * difference must be listed, with its reason, in {@code stm32flash-0.7/disagreements.txt}; a new
 * difference, or a listed one that no longer exists, fails the test.
 */
class Stm32flashTableTest {
  private static final Path DIR = Path.of(System.getProperty("romflash.projectDir", "."),
      "src", "test", "resources", "stm32flash-0.7");
  private static final DeviceDatabase DATABASE = DeviceDatabase.bundled();

  /** One row of their table, ends converted to our inclusive convention. */
  private record Row(int pid, String name, Map<String, Long> fields, String pageSize) {}

  private static List<Row> table() throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve("devices.csv"));
    String[] header = lines.get(0).split(",");
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, Long> fields = new TreeMap<>();
      for (int i = 2; i < header.length; i++) {
        if (cells[i].startsWith("0x")) {
          fields.put(header[i], Long.decode(cells[i]));
        }
      }
      // stm32flash keeps exclusive ends for RAM, flash and system memory (its README).
      for (String end : List.of("ram_end", "flash_end", "system_end")) {
        fields.computeIfPresent(end, (k, v) -> v - 1);
      }
      rows.add(new Row(Integer.decode(cells[0]), cells[1], fields, cells[7]));
    }
    return rows;
  }

  /** "0x410 F103xB flash_end ours=0x0801FFFF theirs=0x0801FFFF" for each field that differs. */
  private static List<String> differences(Row row, Device d) {
    Map<String, Long> ours = new TreeMap<>();
    ours.put("flash_start", d.flash().base());
    ours.put("flash_end", d.flash().base() + d.flash().size() - 1);
    ours.put("ram_start", d.bootloader().reservedRam().end());
    ours.put("ram_end", d.ram().end() - 1);
    ours.put("system_start", d.systemMemory().start());
    ours.put("system_end", d.systemMemory().end() - 1);
    ours.put("option_start", d.optionBytes().start());
    ours.put("option_end", d.optionBytes().end() - 1);
    if (!row.pageSize().equals("variable") && d.flash().uniform()) {
      ours.put("page_size", d.flash().units().get(0).size());
    }
    List<String> found = new ArrayList<>();
    ours.forEach((field, value) -> {
      Long theirs = row.fields().get(field);
      if (theirs != null && !theirs.equals(value)) {
        found.add(String.format("%s %s %s ours=0x%08X theirs=0x%08X", d.pidText(), d.name(), field,
            value, theirs));
      }
    });
    return found;
  }

  private static TreeSet<String> listed() throws IOException {
    TreeSet<String> listed = new TreeSet<>();
    for (String line : Files.readAllLines(DIR.resolve("disagreements.txt"))) {
      if (!line.isBlank() && !line.startsWith("#") && !line.startsWith(" ")) {
        listed.add(line.split(" -- ")[0].trim());
      }
    }
    return listed;
  }

  @Test
  void everyDifferenceFromStm32flashIsListedWithItsReason() throws IOException {
    TreeSet<String> found = new TreeSet<>();
    int compared = 0;
    for (Row row : table()) {
      for (Device d : DATABASE.byPid(row.pid())) {
        compared++;
        found.addAll(differences(row, d));
      }
    }
    assertTrue(compared >= 40, "only " + compared + " entries are known to both");
    assertEquals(String.join("\n", listed()), String.join("\n", found));
  }

  @Test
  void everyListedDisagreementGivesAReason() throws IOException {
    for (String line : Files.readAllLines(DIR.resolve("disagreements.txt"))) {
      if (!line.isBlank() && !line.startsWith("#") && !line.startsWith(" ")) {
        assertTrue(line.contains(" -- ") && line.split(" -- ")[1].trim().length() > 10, line);
      }
    }
  }
}
