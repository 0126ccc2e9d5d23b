package org.romflash.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the value notations of the device files: numbers in decimal or 0x hex, sizes with K/M
 * suffixes ({@code 128K}), ranges ({@code 0x20000000-0x200001FF}, inclusive) and erase-unit runs
 * ({@code 4 x 16K, 1 x 64K}).
 */
final class Values {
  private final String where;

  Values(String where) {
    this.where = where;
  }

  long number(JsonNode node, String field) {
    JsonNode value = required(node, field);
    return parseNumber(value.asText(), field);
  }

  long numberOr(JsonNode node, String field, long fallback) {
    return node.hasNonNull(field) ? number(node, field) : fallback;
  }

  double decimal(JsonNode node, String field) {
    JsonNode value = required(node, field);
    try {
      return Double.parseDouble(value.asText());
    } catch (NumberFormatException e) {
      throw fail(field, "'" + value.asText() + "' is not a number");
    }
  }

  String text(JsonNode node, String field) {
    return required(node, field).asText();
  }

  MemoryRegion range(JsonNode node, String field) {
    return parseRange(text(node, field), field);
  }

  MemoryRegion parseRange(String text, String field) {
    String[] ends = text.split("-");
    if (ends.length != 2) {
      throw fail(field, "'" + text + "' is not a range like 0x20000000-0x20004FFF");
    }
    long start = parseNumber(ends[0].trim(), field);
    long last = parseNumber(ends[1].trim(), field);
    if (last < start) {
      throw fail(field, "range '" + text + "' ends before it starts");
    }
    return new MemoryRegion(start, last - start + 1);
  }

  /** A range, or a list of ranges; never empty. */
  List<MemoryRegion> ranges(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isArray()) {
      return List.of(range(node, field));
    }
    List<MemoryRegion> regions = new ArrayList<>();
    for (JsonNode item : value) {
      regions.add(parseRange(item.asText(), field));
    }
    if (regions.isEmpty()) {
      throw fail(field, "is an empty list");
    }
    return regions;
  }

  Optional<MemoryRegion> optionalRange(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(range(node, field)) : Optional.empty();
  }

  /** "4 x 16K, 1 x 64K" as {count, size} pairs. */
  List<long[]> runs(String text, String field) {
    List<long[]> runs = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] halves = part.trim().split("\\s*x\\s*");
      if (halves.length != 2) {
        throw fail(field, "'" + part.trim() + "' is not a run like '128 x 1K'");
      }
      runs.add(new long[] {parseNumber(halves[0], field), parseNumber(halves[1], field)});
    }
    return runs;
  }

  List<Long> numbers(JsonNode node, String field) {
    JsonNode list = required(node, field);
    if (!list.isArray()) {
      throw fail(field, "must be a list");
    }
    List<Long> values = new ArrayList<>();
    list.forEach(item -> values.add(parseNumber(item.asText(), field)));
    return values;
  }

  JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw fail(field, "is missing");
    }
    return value;
  }

  long parseNumber(String raw, String field) {
    try {
      return Notation.parse(raw);
    } catch (NumberFormatException | ArithmeticException e) {
      throw fail(field, "'" + raw + "' is not a number (decimal, 0x hex, or with K/M)");
    }
  }

  DeviceFileException fail(String field, String problem) {
    return new DeviceFileException(where + ": field '" + field + "' " + problem);
  }
}
