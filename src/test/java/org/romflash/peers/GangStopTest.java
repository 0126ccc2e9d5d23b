package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line mode stopped with Ctrl-C (SIGINT) in a real process, as an operator stops it: every journal
 * line is complete JSON, the file ends with a line break, and the summary is still printed.
 */
class GangStopTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("romflash.projectDir", "."),
      "examples", "blink-f103", "blink-f103.hex");

  @TempDir Path dir;

  @Test
  void ctrlCInLineModeLeavesOnlyCompleteJournalLines() throws Exception {
    Peers.require("bash");
    Path journal = dir.resolve("line.jsonl");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process station = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), "org.romflash.cli.Main", "gang", "--ports",
        "sim:F103xB*4", "--loop", "--poll", "50", "--journal", journal.toString(),
        "--serial-at", "0x0801FC00", "write", EXAMPLE.toString())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lineCount(journal) < 10 && station.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(lineCount(journal) >= 10, Files.readString(dir.resolve("err.txt")));
      new ProcessBuilder("bash", "-c", "kill -INT " + station.pid()).start().waitFor();
      assertTrue(station.waitFor(30, TimeUnit.SECONDS), "the station stops");
    } finally {
      station.destroyForcibly();
    }
    String text = Files.readString(journal, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\n"), "no half line at the end");
    List<String> lines = text.lines().toList();
    for (String line : lines) {
      JsonNode unit = new ObjectMapper().readTree(line);
      assertTrue(List.of("ok", "interrupted").contains(unit.get("outcome").asText()), line);
    }
    assertEquals(lines.size(), lines.stream().map(l -> l.replaceAll(".*\"uid\":\"([^\"]+)\".*",
        "$1")).distinct().count(), "every unit was a new board");
    String summary = Files.readString(dir.resolve("out.txt"));
    assertTrue(summary.contains(lines.size() + " units: "), summary);
    assertTrue(summary.startsWith("PORT          PASSED  FAILED  INTERRUPTED  LAST FAILURE\n"
        + "sim:F103xB#1  "), "line mode sums up per port: " + summary);
  }

  private static long lineCount(Path file) throws java.io.IOException {
    return Files.exists(file) ? Files.readAllLines(file).size() : 0;
  }
}
