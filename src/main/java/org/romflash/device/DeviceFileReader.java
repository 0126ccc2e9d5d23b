package org.romflash.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/** Turns one family YAML file (schema in {@code devices/README.md}) into {@link Device}s. */
final class DeviceFileReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private DeviceFileReader() {}

  static List<Device> read(String fileName, InputStream in) {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (IOException e) {
      throw new DeviceFileException(fileName + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.has("devices")) {
      throw new DeviceFileException(fileName + ": has no 'devices' list");
    }
    String family = new Values(fileName).text(root, "family");
    List<Device> devices = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : root.get("devices")) {
      String where = fileName + ", entry " + index++
          + (entry.has("name") ? " (" + entry.get("name").asText() + ")" : "");
      devices.add(entry(family, entry, new Values(where)));
    }
    return devices;
  }

  private static Device entry(String family, JsonNode e, Values v) {
    JsonNode bl = v.required(e, "bootloader");
    JsonNode fl = v.required(e, "flash");
    List<String> parts = new ArrayList<>();
    v.required(e, "parts").forEach(p -> parts.add(p.asText()));
    return new Device(
        (int) v.number(e, "pid"),
        v.text(e, "name"),
        v.text(e, "title"),
        parts,
        family,
        v.text(e, "source"),
        bootloader(bl, v),
        layout(fl, v),
        (int) v.number(fl, "program_word"),
        (int) v.number(fl, "erased"),
        rewrite(v.text(fl, "rewrite"), v),
        v.number(fl, "size_register"),
        v.ranges(e, "ram"),
        v.range(e, "system_memory"),
        OptionFields.read(v.required(e, "option_bytes"), v),
        v.optionalRange(e, "eeprom"),
        v.optionalRange(e, "otp"),
        v.number(e, "uid"),
        timing(e.get("timing"), v),
        quirks(e, v));
  }

  private static BootloaderProfile bootloader(JsonNode bl, Values v) {
    int version = (int) v.number(bl, "version");
    List<Integer> commands = bl.has("commands")
        ? v.numbers(bl, "commands").stream().map(Long::intValue).toList()
        : BootloaderProfile.baseCommands(version);
    OptionalInt id = OptionalInt.empty();
    long idAddress = 0;
    if (bl.has("id") || bl.has("id_address")) {
      id = OptionalInt.of((int) v.number(bl, "id"));
      idAddress = v.number(bl, "id_address");
    }
    long vectorTable = bl.has("vector_table") ? v.number(bl, "vector_table") : 0;
    return new BootloaderProfile(version, commands, v.range(bl, "reserved_ram"), id, idAddress,
        vectorTable);
  }

  private static FlashTiming timing(JsonNode timing, Values v) {
    if (timing == null) {
      return FlashTiming.ESTIMATE;
    }
    return new FlashTiming(
        Duration.ofNanos(Math.round(v.decimal(timing, "program_word_us") * 1000)),
        Duration.ofNanos(Math.round(v.decimal(timing, "erase_ms_per_kib") * 1_000_000)),
        Duration.ofNanos(Math.round(v.decimal(timing, "mass_erase_ms") * 1_000_000)));
  }

  private static FlashLayout layout(JsonNode flash, Values v) {
    JsonNode banks = v.required(flash, "banks");
    List<List<long[]>> runs = new ArrayList<>();
    List<Long> bases = new ArrayList<>();
    for (JsonNode bank : banks) {
      if (bank.isTextual()) {
        runs.add(v.runs(bank.asText(), "flash.banks"));
      } else {
        runs.add(v.runs(v.text(bank, "units"), "flash.banks"));
        bases.add(v.number(bank, "base"));
      }
    }
    if (!bases.isEmpty() && bases.size() != runs.size()) {
      throw v.fail("flash.banks", "give a base for every bank or for none");
    }
    return FlashLayout.of(v.number(flash, "base"), runs, bases);
  }

  private static RewritePolicy rewrite(String text, Values v) {
    return switch (text) {
      case "forbidden" -> RewritePolicy.FORBIDDEN;
      case "bit-clear" -> RewritePolicy.BIT_CLEAR;
      default -> throw v.fail("flash.rewrite", "'" + text + "' is not forbidden or bit-clear");
    };
  }

  private static Set<Quirk> quirks(JsonNode e, Values v) {
    Set<Quirk> quirks = EnumSet.noneOf(Quirk.class);
    JsonNode list = e.get("quirks");
    if (list == null) {
      return quirks;
    }
    for (JsonNode q : list) {
      String name = q.asText().toUpperCase(Locale.ROOT).replace('-', '_');
      try {
        quirks.add(Quirk.valueOf(name));
      } catch (IllegalArgumentException ex) {
        throw v.fail("quirks", "'" + q.asText() + "' is not a known quirk");
      }
    }
    return quirks;
  }
}
