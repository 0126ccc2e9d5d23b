package org.romflash.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.romflash.factory.Outcome;
import org.romflash.factory.UnitRecord;

/** The table (or JSON object) printed when a gang run ends: one row per unit, then the counts. */
final class StationSummary {
  private final List<UnitRecord> units;

  /** @param ports the station's ports, in the order the table lists their units */
  StationSummary(List<UnitRecord> units, List<String> ports) {
    this.units = units.stream().sorted(java.util.Comparator
        .comparingInt((UnitRecord u) -> ports.indexOf(u.port())).thenComparingInt(UnitRecord::unit))
        .toList();
  }

  long count(Outcome outcome) {
    return units.stream().filter(u -> u.outcome() == outcome).count();
  }

  ExitCode exitCode() {
    return units.stream().allMatch(u -> u.outcome() == Outcome.OK) ? ExitCode.OK
        : ExitCode.UNITS_FAILED;
  }

  /**
   * One row per unit; in line mode (many units per port) one row per port with its counts, the
   * units themselves being in the journal.
   */
  String table(Path journal, List<String> ports, boolean perPort) {
    if (perPort) {
      return portTable(ports) + totals() + (journal == null ? "" : "; journal: " + journal)
          + System.lineSeparator();
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"PORT", "RESULT", "DEVICE", "UID", "SERIAL", "TIME", "ERROR"});
    for (UnitRecord u : units) {
      rows.add(new String[] {u.port(), u.outcome().word(), orDash(u.device()),
          u.uid() == null ? "-" : u.uid().toString(),
          u.serial() == null ? "-" : u.serial().text(),
          String.format("%.1f s", u.totalMillis() / 1000.0),
          u.failureText()});
    }
    return TextTable.render(rows) + totals() + (journal == null ? ""
        : "; journal: " + journal) + System.lineSeparator();
  }

  private String portTable(List<String> ports) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"PORT", "PASSED", "FAILED", "INTERRUPTED", "LAST FAILURE"});
    for (String port : ports) {
      List<UnitRecord> mine = units.stream().filter(u -> u.port().equals(port)).toList();
      String lastFailure = mine.stream().filter(u -> u.failure() != null)
          .reduce((first, second) -> second)
          .map(UnitRecord::failureText).orElse("");
      rows.add(new String[] {port, count(mine, Outcome.OK), count(mine, Outcome.FAILED),
          count(mine, Outcome.INTERRUPTED), lastFailure});
    }
    return TextTable.render(rows);
  }

  private static String count(List<UnitRecord> units, Outcome outcome) {
    return Long.toString(units.stream().filter(u -> u.outcome() == outcome).count());
  }

  private String totals() {
    String text = units.size() + (units.size() == 1 ? " unit: " : " units: ") + count(Outcome.OK)
        + " passed, " + count(Outcome.FAILED) + " failed";
    long stopped = count(Outcome.INTERRUPTED);
    return stopped == 0 ? text : text + ", " + stopped + " interrupted";
  }

  String json(Path journal) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode o = mapper.createObjectNode();
    o.put("command", "gang write").put("outcome", exitCode() == ExitCode.OK ? "ok" : "failed")
        .put("exit_code", exitCode().code())
        .put("journal", journal == null ? null : journal.toString())
        .put("passed", count(Outcome.OK)).put("failed", count(Outcome.FAILED))
        .put("interrupted", count(Outcome.INTERRUPTED));
    ArrayNode list = o.putArray("units");
    try {
      for (UnitRecord u : units) {
        list.add(mapper.readTree(u.toJson()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return o.toPrettyString();
  }

  private static String orDash(String text) {
    return text == null ? "-" : text;
  }
}
