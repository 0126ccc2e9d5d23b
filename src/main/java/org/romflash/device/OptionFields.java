package org.romflash.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an entry's {@code option_bytes}: either a bare range, or {@code range} plus {@code fields}
 * written {@code NAME: ADDRESS[HIGH:LOW]} or {@code NAME: ADDRESS[BIT]}.
 */
final class OptionFields {
  private static final Pattern FIELD = Pattern.compile(
      "\\s*(\\S+)\\s*\\[\\s*(\\d+)\\s*(?::\\s*(\\d+)\\s*)?]\\s*");

  private OptionFields() {}

  static OptionBytes read(JsonNode node, Values v) {
    if (!node.isObject()) {
      return new OptionBytes(v.parseRange(node.asText(), "option_bytes"), List.of(), false);
    }
    MemoryRegion region = v.range(node, "range");
    boolean pinsOnly = node.has("boot_selection");
    if (pinsOnly && !"pins".equals(node.get("boot_selection").asText())) {
      throw v.fail("option_bytes.boot_selection", "can only be 'pins' (boot chosen by pins alone)");
    }
    List<OptionField> fields = new ArrayList<>();
    JsonNode map = node.get("fields");
    if (map != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        fields.add(field(field.getKey(), field.getValue().asText(), v));
      }
    }
    JsonNode rdp = node.get("rdp");
    int open = rdp == null ? 0xAA : (int) v.number(rdp, "open");
    List<Integer> permanent = rdp == null || !rdp.has("permanent") ? List.of(0xCC)
        : v.numbers(rdp, "permanent").stream().map(Long::intValue).toList();
    return new OptionBytes(region, fields, pinsOnly, complement(node, v), open, permanent);
  }

  private static OptionBytes.Complement complement(JsonNode node, Values v) {
    String text = node.has("complement") ? node.get("complement").asText() : "none";
    return switch (text) {
      case "none" -> OptionBytes.Complement.NONE;
      case "byte" -> OptionBytes.Complement.BYTE;
      case "half-word" -> OptionBytes.Complement.HALF_WORD;
      default -> throw v.fail("option_bytes.complement", "'" + text
          + "' is not none, byte or half-word");
    };
  }

  private static OptionField field(String name, String text, Values v) {
    String where = "option_bytes.fields." + name;
    Matcher m = FIELD.matcher(text);
    if (!m.matches()) {
      throw v.fail(where, "'" + text + "' is not like 0x1FFFF800[7:0] or 0x1FFFF802[4]");
    }
    long address = v.parseNumber(m.group(1), where);
    int high = Integer.parseInt(m.group(2));
    int low = m.group(3) == null ? high : Integer.parseInt(m.group(3));
    try {
      return new OptionField(name, address, high, low);
    } catch (IllegalArgumentException e) {
      throw v.fail(where, "'" + text + "': " + e.getMessage());
    }
  }
}
