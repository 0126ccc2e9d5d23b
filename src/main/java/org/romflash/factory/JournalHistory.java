package org.romflash.factory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import org.romflash.device.UniqueId;

/**
 * What a journal says happened: the units of earlier runs, read back for {@code --retry-failed}
 * and for serial numbers (a unit keeps its number; numbers are not issued twice). Lines that are
 * not complete JSON objects (a line cut off by a power loss) are counted and skipped.
 */
public final class JournalHistory {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The facts of one journal line this package reads back. */
  public record Line(String run, String port, Outcome outcome, UniqueId uid, SerialNumber serial) {}

  private final List<Line> lines;
  private final int broken;

  private JournalHistory(List<Line> lines, int broken) {
    this.lines = List.copyOf(lines);
    this.broken = broken;
  }

  /** An empty history (no journal). */
  public static JournalHistory empty() {
    return new JournalHistory(List.of(), 0);
  }

  /** Reads {@code file}; a file that does not exist yet is an empty history. */
  public static JournalHistory read(Path file) throws IOException {
    List<String> text;
    try {
      text = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return empty();
    }
    List<Line> lines = new ArrayList<>();
    int broken = 0;
    for (String line : text) {
      if (line.isBlank()) {
        continue;
      }
      Line parsed = parse(line);
      if (parsed == null) {
        broken++;
      } else {
        lines.add(parsed);
      }
    }
    return new JournalHistory(lines, broken);
  }

  private static Line parse(String text) {
    try {
      JsonNode o = JSON.readTree(text);
      if (o == null || !o.isObject() || !o.hasNonNull("port") || !o.hasNonNull("outcome")) {
        return null;
      }
      JsonNode serial = o.path("serial");
      return new Line(o.path("run").asText(""), o.get("port").asText(),
          Outcome.ofWord(o.get("outcome").asText()),
          o.hasNonNull("uid") ? UniqueId.parse(o.get("uid").asText()) : null,
          serial.hasNonNull("text") ? serial(serial) : null);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static SerialNumber serial(JsonNode s) {
    return new SerialNumber(s.get("text").asText(),
        s.hasNonNull("number") ? OptionalLong.of(s.get("number").asLong()) : OptionalLong.empty(),
        HexFormat.of().parseHex(s.path("bytes").asText("")));
  }

  public List<Line> lines() {
    return lines;
  }

  /** Lines skipped because they are not complete JSON objects. */
  public int broken() {
    return broken;
  }

  /**
   * The ports whose last unit in the journal's last run did not succeed, in the order people
   * count them ({@code ttyUSB2} before {@code ttyUSB10}).
   */
  public List<String> portsToRetry() {
    if (lines.isEmpty()) {
      return List.of();
    }
    String lastRun = lines.get(lines.size() - 1).run();
    Map<String, Outcome> last = new LinkedHashMap<>();
    lines.stream().filter(l -> l.run().equals(lastRun)).forEach(l -> last.put(l.port(), l.outcome()));
    return last.entrySet().stream().filter(e -> e.getValue() != Outcome.OK).map(Map.Entry::getKey)
        .sorted(PortList.NATURAL).toList();
  }
}
