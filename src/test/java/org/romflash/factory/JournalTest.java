package org.romflash.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private static UnitRecord unit(String run, String port, boolean ok) {
    UnitRecord unit = new UnitRecord(Instant.parse("2026-11-21T10:00:00Z"), run, "line-1", port, 1,
        new ImageIdentity("fw.hex", 252, "ab"));
    if (ok) {
      unit.succeeded();
    } else {
      unit.failed(Outcome.FAILED, new Failure("nack", "Erase (0x43): NACK\nat command", "erase"));
    }
    return unit;
  }

  @Test
  void eachUnitIsOneCompleteJsonLine() throws IOException {
    Path file = dir.resolve("j.jsonl");
    try (Journal journal = Journal.open(file)) {
      journal.append(unit("r1", "/dev/ttyUSB0", true));
      journal.append(unit("r1", "/dev/ttyUSB1", false));
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    JsonNode failed = new ObjectMapper().readTree(lines.get(1));
    assertEquals("failed", failed.get("outcome").asText());
    assertEquals("nack", failed.get("error_class").asText());
    assertEquals("Erase (0x43): NACK\nat command", failed.get("error").asText());
    assertEquals("line-1", failed.get("station").asText());
    assertEquals("2026-11-21T10:00:00Z", failed.get("time").asText());
    assertTrue(Files.readString(file).endsWith("}\n"));
  }

  @Test
  void aLineCutOffEarlierIsLeftAloneAndSkippedWhenRead() throws IOException {
    Path file = dir.resolve("j.jsonl");
    String whole = unit("r1", "A", true).toJson();
    Files.writeString(file, whole + "\n" + whole.substring(0, 40));
    try (Journal journal = Journal.open(file)) {
      journal.append(unit("r2", "B", false));
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(3, lines.size());
    assertEquals(whole.substring(0, 40), lines.get(1));
    JournalHistory history = JournalHistory.read(file);
    assertEquals(2, history.lines().size());
    assertEquals(1, history.broken());
  }

  @Test
  void aSecondStationCannotOpenTheSameJournal() throws IOException {
    Path file = dir.resolve("j.jsonl");
    try (Journal first = Journal.open(file)) {
      assertEquals(file, first.file());
      JournalInUseException e = assertThrows(JournalInUseException.class,
          () -> Journal.open(file));
      assertEquals("the journal " + file + " is in use by another romflash station",
          e.getMessage());
    }
  }

  @Test
  void aClosedJournalRefusesLines() throws IOException {
    Journal journal = Journal.open(dir.resolve("j.jsonl"));
    journal.close();
    assertThrows(IllegalStateException.class, () -> journal.append(unit("r", "A", true)));
  }

  @Test
  void theFailedPortsOfTheLastRunAreRetried() throws IOException {
    Path file = dir.resolve("j.jsonl");
    try (Journal journal = Journal.open(file)) {
      journal.append(unit("r1", "/dev/ttyUSB3", false));
      journal.append(unit("r2", "/dev/ttyUSB10", false));
      journal.append(unit("r2", "/dev/ttyUSB1", true));
      journal.append(unit("r2", "/dev/ttyUSB2", false));
      journal.append(unit("r2", "/dev/ttyUSB4", false));
      journal.append(unit("r2", "/dev/ttyUSB4", true));
    }
    assertEquals(List.of("/dev/ttyUSB2", "/dev/ttyUSB10"),
        JournalHistory.read(file).portsToRetry());
  }

  @Test
  void aMissingJournalIsAnEmptyHistory() throws IOException {
    assertEquals(List.of(), JournalHistory.read(dir.resolve("none.jsonl")).portsToRetry());
  }
}
