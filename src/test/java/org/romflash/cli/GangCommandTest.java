package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.FaultPlan;

/** {@code romflash gang}, driven as a line engineer would, on emulated and served chips. */
class GangCommandTest {
  static final Path EXAMPLE = Path.of(System.getProperty("romflash.projectDir", "."),
      "examples", "blink-f103", "blink-f103.hex");
  static final String SERIAL_AT = "0x0801FC00";

  @TempDir Path dir;

  static List<JsonNode> journal(Path file) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(new ObjectMapper().readTree(line));
    }
    return lines;
  }

  private static List<String> texts(List<JsonNode> lines, String field) {
    return lines.stream().map(l -> l.path(field).isObject() ? l.get(field).path("text").asText()
        : l.path(field).asText()).toList();
  }

  @Test
  void eightEmulatedBoardsAreProgrammedWithUniqueSerials() throws IOException {
    Path journal = dir.resolve("line.jsonl");
    Cli cli = Cli.run("gang", "--ports", "sim:F103xB*8", "--journal", journal.toString(),
        "--station", "line-1", "--serial-at", SERIAL_AT, "--serial-format", "SN{:06d}",
        "--serial-start", "100", "write", EXAMPLE.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    List<JsonNode> lines = journal(journal);
    assertEquals(8, lines.size());
    assertEquals(8, texts(lines, "serial").stream().distinct().count());
    assertEquals(List.of("SN000100", "SN000101", "SN000102", "SN000103", "SN000104", "SN000105",
        "SN000106", "SN000107"), texts(lines, "serial").stream().sorted().toList());
    assertEquals(8, texts(lines, "uid").stream().distinct().count());
    for (JsonNode line : lines) {
      assertEquals("ok", line.get("outcome").asText());
      assertEquals("line-1", line.get("station").asText());
      assertEquals("F103xB", line.get("device").asText());
      assertEquals("0x410", line.get("pid").asText());
      assertEquals("blink-f103.hex", line.get("image").get("name").asText());
      assertEquals(64, line.get("image").get("sha256").asText().length());
      assertEquals(2, line.get("regions").size(), "the image and the serial");
      assertEquals("readback", line.get("crc_from").asText(), "68 bytes: read back");
      assertTrue(line.get("durations_ms").get("total").asLong() >= 0);
    }
    List<String> rows = cli.out().lines().toList();
    assertEquals("PORT          RESULT  DEVICE  UID                         SERIAL    TIME   ERROR",
        rows.get(0).replaceAll(" +$", ""));
    for (int i = 1; i <= 8; i++) {
      assertTrue(rows.get(i).startsWith("sim:F103xB#" + i + "  ok      F103xB"), rows.get(i));
    }
    assertEquals("8 units: 8 passed, 0 failed; journal: " + journal, rows.get(9));
  }

  @Test
  void reprogrammingKeepsEachUnitsSerial() throws IOException {
    Path journal = dir.resolve("line.jsonl");
    String[] args = {"gang", "--ports", "sim:F103xB*3", "--journal", journal.toString(),
        "--serial-at", SERIAL_AT, "-q", "write", EXAMPLE.toString()};
    assertEquals(0, Cli.run(args).exitCode());
    assertEquals(0, Cli.run(args).exitCode());
    List<JsonNode> lines = journal(journal);
    assertEquals(6, lines.size());
    assertEquals(lines.subList(0, 3).stream().collect(Collectors.toMap(l -> l.get("uid").asText(),
        l -> l.get("serial").get("text").asText())), lines.subList(3, 6).stream().collect(
        Collectors.toMap(l -> l.get("uid").asText(), l -> l.get("serial").get("text").asText())));
  }

  @Test
  void readProtectedAndFaultyBoardsFailWithTheirClassAndTheOthersPass() throws IOException {
    Path journal = dir.resolve("line.jsonl");
    List<ServedChip> chips = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        Chip chip = new Chip(DeviceDatabase.bundled().byName("F103xB").orElseThrow());
        chip.setUniqueId(SimulatedBoard.uniqueId("F103xB", 50, i));
        Emulator.Options options = Emulator.Options.defaults();
        if (i == 1) {
          chip.setReadProtectionLevel(1);
        }
        if (i == 2) {
          options = options.withFaults(new FaultPlan(7, 1.0, 0, 0, 40));
        }
        chips.add(ServedChip.of(chip, options));
      }
      String ports = chips.stream().map(ServedChip::port).collect(Collectors.joining(","));
      Cli cli = Cli.run("gang", "--ports", ports, "--journal", journal.toString(),
          "--serial-at", SERIAL_AT, "--retries", "1", "write", EXAMPLE.toString());
      assertEquals(10, cli.exitCode(), cli.toString());
      assertTrue(cli.out().contains("4 units: 2 passed, 2 failed"), cli.out());
      List<JsonNode> lines = journal(journal);
      assertEquals(4, lines.size());
      JsonNode locked = lines.stream().filter(l -> l.get("port").asText()
          .equals(chips.get(1).port())).findFirst().orElseThrow();
      assertEquals("read-protected", locked.get("error_class").asText());
      assertEquals("identify", locked.get("phase").asText());
      assertTrue(locked.get("serial").isNull(), "no number is spent on a locked chip");
      JsonNode faulty = lines.stream().filter(l -> l.get("port").asText()
          .equals(chips.get(2).port())).findFirst().orElseThrow();
      assertEquals("failed", faulty.get("outcome").asText());
      assertEquals("no-reply", faulty.get("error_class").asText(), faulty.toString());
      assertEquals("write", faulty.get("phase").asText());
      assertTrue(faulty.get("durations_ms").get("total").asLong() >= 1000, "the timeout counts");
      assertTrue(faulty.get("durations_ms").has("write"), faulty.toString());
      String firstSerial = lines.stream().filter(l -> l.get("port").asText()
          .equals(chips.get(0).port())).findFirst().orElseThrow().get("serial").get("text")
          .asText();
      assertArrayEquals(firstSerial.getBytes(StandardCharsets.US_ASCII), chips.get(0).chip()
          .peek(0x0801FC00L, firstSerial.length()).orElseThrow(), "a passed chip holds its serial");

      chips.get(1).chip().setReadProtectionLevel(0);
      Cli retry = Cli.run("gang", "--retry-failed", journal.toString(), "--serial-at", SERIAL_AT,
          "--retries", "1", "-q", "write", EXAMPLE.toString());
      assertEquals(10, retry.exitCode(), retry.toString());
      List<JsonNode> after = journal(journal);
      assertEquals(6, after.size());
      assertEquals(java.util.Set.of(chips.get(1).port(), chips.get(2).port()), after.subList(4, 6)
          .stream().map(l -> l.get("port").asText()).collect(Collectors.toSet()));
      String fixedSerial = after.subList(4, 6).stream().filter(l -> l.get("outcome").asText()
          .equals("ok")).findFirst().orElseThrow().get("serial").get("text").asText();
      assertEquals(false, texts(lines, "serial").contains(fixedSerial),
          "the fixed board gets a number no earlier unit had");
      assertArrayEquals(fixedSerial.getBytes(StandardCharsets.US_ASCII),
          chips.get(1).chip().peek(0x0801FC00L, fixedSerial.length()).orElseThrow());
    } finally {
      chips.forEach(ServedChip::close);
    }
  }

  @Test
  void retryingAJournalWhoseLastRunPassedDoesNothing() throws IOException {
    Path journal = dir.resolve("line.jsonl");
    assertEquals(0, Cli.run("gang", "--ports", "sim:F103xB*2", "--journal", journal.toString(),
        "-q", "write", EXAMPLE.toString()).exitCode());
    Cli retry = Cli.run("gang", "--retry-failed", journal.toString(), "write",
        EXAMPLE.toString());
    assertEquals(0, retry.exitCode(), retry.toString());
    assertEquals("nothing to retry: every unit of the last run in " + journal + " passed\n",
        retry.err());
  }

  @Test
  void aSerialInsideTheImageIsRefusedBeforeAnyPortIsOpened() {
    Cli cli = Cli.run("gang", "--ports", "sim:F103xB*2", "--journal",
        dir.resolve("j").toString(), "--serial-at", "0x08000010", "write", EXAMPLE.toString());
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().contains("--serial-at 0x08000010 lies inside the image's data: choose an"
        + " address the image leaves free"), cli.err());
    assertEquals(false, Files.exists(dir.resolve("j")));
  }

  @Test
  void serialNumbersWithoutAJournalAreRefused() {
    Cli cli = Cli.run("gang", "--ports", "sim:F103xB*2", "--serial-at", SERIAL_AT, "write",
        EXAMPLE.toString());
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().contains("serial numbers need --journal FILE: it records which numbers"
        + " were issued, so that none is issued twice"), cli.err());
  }

  @Test
  void jsonListsEveryUnitAndTheCounts() throws IOException {
    Cli cli = Cli.run("gang", "--ports", "sim:F103xB*2", "--sim-rdp", "1", "--json", "write",
        EXAMPLE.toString());
    assertEquals(10, cli.exitCode(), cli.toString());
    JsonNode result = new ObjectMapper().readTree(cli.out());
    assertEquals("failed", result.get("outcome").asText());
    assertEquals(0, result.get("passed").asInt());
    assertEquals(2, result.get("failed").asInt());
    assertEquals("read-protected", result.get("units").get(0).get("error_class").asText());
    assertEquals("the flash-size register cannot be read (read protection?); assuming the entry's"
        + " 128 KiB", result.get("units").get(0).get("warnings").get(0).asText());
    assertTrue(result.get("journal").isNull());
  }

  @Test
  void aCsvGivesEachUidItsSerial() throws IOException {
    Path csv = dir.resolve("serials.csv");
    StringBuilder table = new StringBuilder("uid,serial\n");
    for (int i = 1; i <= 3; i++) {
      table.append(new org.romflash.device.UniqueId(SimulatedBoard.uniqueId("F103xB", i, 1)))
          .append(",ACME-").append(i * 11).append('\n');
    }
    Files.writeString(csv, table);
    Path journal = dir.resolve("line.jsonl");
    Cli cli = Cli.run("gang", "--ports", "sim:F103xB*3", "--journal", journal.toString(),
        "--serial-at", SERIAL_AT, "--serial-csv", csv.toString(), "-q", "write",
        EXAMPLE.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(List.of("ACME-11", "ACME-22", "ACME-33"), journal(journal).stream()
        .sorted(java.util.Comparator.comparing(l -> l.get("port").asText()))
        .map(l -> l.get("serial").get("text").asText()).toList());
  }

  @Test
  void logWritesOneTranscriptPerPort() throws IOException {
    try (ServedChip first = ServedChip.of("F103xB"); ServedChip second = ServedChip.of("F103xB")) {
      Path log = dir.resolve("t.log");
      Cli cli = Cli.run("gang", "--ports", first.port() + "," + second.port(), "--log",
          log.toString(), "-q", "write", EXAMPLE.toString());
      assertEquals(0, cli.exitCode(), cli.toString());
      for (ServedChip chip : List.of(first, second)) {
        Path transcript = dir.resolve("t.log." + chip.port().substring("tcp://".length())
            .replace(':', '_'));
        List<String> lines = Files.readAllLines(transcript);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(" > 7F")), transcript + ": " + lines);
      }
    }
  }
}
