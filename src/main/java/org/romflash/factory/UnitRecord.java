package org.romflash.factory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.romflash.device.UniqueId;

/**
 * Everything known about one unit, filled in by its worker as the unit is programmed and then
 * written to the journal as one JSON line. Confined to its worker's thread until written.
 */
public final class UnitRecord {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A flash region written, and the CRC the chip holds there. */
  public record RegionCrc(long address, long length, int crc) {}

  private final Instant time;
  private final String run;
  private final String station;
  private final String port;
  private final int unit;
  private final ImageIdentity image;
  private Outcome outcome = Outcome.FAILED;
  private Phase phase = Phase.CONNECT;
  private Integer pid;
  private String device;
  private UniqueId uid;
  private String bootloader;
  private final List<RegionCrc> regions = new ArrayList<>();
  private String crcFrom;
  private SerialNumber serial;
  private long serialAddress;
  private byte[] optionBytes;
  private final Map<Phase, Long> durations = new EnumMap<>(Phase.class);
  private Failure failure;
  private long totalMillis = -1;
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param unit counts the units programmed on this port in this run, from 1 (line mode programs
   *     many)
   */
  public UnitRecord(Instant time, String run, String station, String port, int unit,
      ImageIdentity image) {
    this.time = time;
    this.run = run;
    this.station = station;
    this.port = port;
    this.unit = unit;
    this.image = image;
  }

  void phase(Phase now) {
    phase = now;
  }

  void took(Phase of, long millis) {
    durations.merge(of, millis, Long::sum);
  }

  void chip(int newPid, String name, String version) {
    pid = newPid;
    device = name;
    bootloader = version;
  }

  void uid(UniqueId id) {
    uid = id;
  }

  void serial(SerialNumber number, long address) {
    serial = number;
    serialAddress = address;
  }

  void regions(List<RegionCrc> crcs, String from) {
    regions.addAll(crcs);
    crcFrom = from;
  }

  void warnings(List<String> notes) {
    warnings.addAll(notes);
  }

  void warn(String note) {
    warnings.add(note);
  }

  void optionBytes(byte[] raw) {
    optionBytes = raw.clone();
  }

  void succeeded() {
    outcome = Outcome.OK;
    failure = null;
  }

  void failed(Outcome how, Failure why) {
    outcome = how;
    failure = why;
  }

  public String port() {
    return port;
  }

  /** Counts the units of this port in this run, from 1. */
  public int unit() {
    return unit;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The phase the unit was in when it failed, or the last one for a success. */
  public Phase phase() {
    return phase;
  }

  /** The device name, or null when the chip was never identified. */
  public String device() {
    return device;
  }

  /** The unique ID, or null when it could not be read. */
  public UniqueId uid() {
    return uid;
  }

  /** The serial number assigned, or null. */
  public SerialNumber serial() {
    return serial;
  }

  /** Why the unit failed, or null for a success. */
  public Failure failure() {
    return failure;
  }

  /** The unit's wall time: set when it ends, else the sum of its phases so far. */
  /** "nack in erase: Erase (0x43): ...", or empty for a success. */
  public String failureText() {
    return failure == null ? "" : failure.errorClass() + " in " + phase.word() + ": "
        + failure.message();
  }

  public long totalMillis() {
    return totalMillis >= 0 ? totalMillis
        : durations.values().stream().mapToLong(Long::longValue).sum();
  }

  void ended(long millis) {
    totalMillis = millis;
  }

  /** The journal line: one JSON object, no line break inside. */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("time", time.toString()).put("run", run).put("station", station).put("port", port)
        .put("unit", unit).put("outcome", outcome.word()).put("phase", phase.word());
    if (failure != null) {
      o.put("error_class", failure.errorClass()).put("error", failure.message())
          .put("hint", failure.hint());
    }
    o.put("pid", pid == null ? null : String.format("0x%03X", pid)).put("device", device)
        .put("uid", uid == null ? null : uid.toString()).put("bootloader", bootloader);
    o.putObject("image").put("name", image.name()).put("bytes", image.fileBytes())
        .put("sha256", image.sha256());
    ArrayNode crcs = o.putArray("regions");
    regions.forEach(r -> crcs.addObject().put("address", hex(r.address())).put("length", r.length())
        .put("crc", String.format("0x%08X", r.crc())));
    o.put("crc_from", crcFrom);
    if (serial == null) {
      o.putNull("serial");
    } else {
      ObjectNode s = o.putObject("serial").put("text", serial.text());
      serial.number().ifPresent(n -> s.put("number", n));
      s.put("address", hex(serialAddress)).put("bytes", HexFormat.of().formatHex(serial.bytes()));
    }
    o.put("option_bytes", optionBytes == null ? null : HexFormat.of().formatHex(optionBytes));
    ArrayNode notes = o.putArray("warnings");
    warnings.forEach(notes::add);
    ObjectNode times = o.putObject("durations_ms");
    durations.forEach((p, ms) -> times.put(p.word(), ms));
    times.put("total", totalMillis());
    return o.toString();
  }

  private static String hex(long address) {
    return String.format("0x%08X", address);
  }
}
