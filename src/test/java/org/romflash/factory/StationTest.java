package org.romflash.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.TimingModel;
import org.romflash.flash.EraseMode;
import org.romflash.flash.VerifyMode;
import org.romflash.image.FirmwareImage;

class StationTest {
  private static final Device F103 = DeviceDatabase.bundled().byName("F103xB").orElseThrow();
  private static final FirmwareImage IMAGE = FirmwareImage.of(0x0800_0000L, pattern(4096));
  private static final long SERIAL_AT = 0x0801_FC00L;

  @TempDir Path dir;

  private final Map<String, EmulatedFixture> fixtures = new ConcurrentHashMap<>();
  private final StopSignal stop = new StopSignal();

  static byte[] pattern(int n) {
    byte[] data = new byte[n];
    for (int i = 0; i < n; i++) {
      data[i] = (byte) (i * 7 + 3);
    }
    return data;
  }

  private Station station(List<String> ports, Journal journal, boolean loop, Emulator.Options o,
      boolean replace) {
    UnitJob.Settings settings = new UnitJob.Settings(IMAGE, new ImageIdentity("fw.bin", 4096, "aa"),
        EraseMode.TOUCHED, VerifyMode.AUTO, null, new UnitJob.SerialPlacement(SERIAL_AT,
            SerialNumbers.counting(SerialFormat.parse("SN{:04d}"), 1, JournalHistory.empty(),
                false)));
    return new Station(ports, port -> fixtures.computeIfAbsent(port,
        p -> new EmulatedFixture(p, F103, o, replace)), new UnitJob(settings, stop), journal,
        (e, port) -> new Failure(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), ""),
        StationListener.none(), new Station.Settings("run-1", "test", loop, Duration.ofMillis(20)),
        stop);
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      nodes.add(json.readTree(line));
    }
    return nodes;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
      Thread.sleep(10);
    }
  }

  @Test
  void everyPortIsProgrammedOnceWithItsOwnSerialAndOneJournalLine() throws Exception {
    Path file = dir.resolve("j.jsonl");
    List<UnitRecord> units;
    try (Journal journal = Journal.open(file)) {
      units = station(List.of("a", "b", "c"), journal, false, Emulator.Options.defaults(), false)
          .run();
    }
    assertEquals(3, units.size());
    assertTrue(units.stream().allMatch(u -> u.outcome() == Outcome.OK), units.toString());
    List<JsonNode> lines = lines(file);
    assertEquals(3, lines.size());
    Set<String> serials = new HashSet<>();
    for (JsonNode line : lines) {
      serials.add(line.get("serial").get("text").asText());
      assertEquals("ok", line.get("outcome").asText());
      assertEquals("chip", line.get("crc_from").asText(), "4 KiB and more: the RAM routine");
      assertEquals(String.format("0x%08X", org.romflash.flash.Crc32Stm32.of(pattern(4096))),
          line.get("regions").get(0).get("crc").asText());
      assertEquals(4096, line.get("regions").get(0).get("length").asInt());
    }
    assertEquals(Set.of("SN0001", "SN0002", "SN0003"), serials);
    Set<String> onChips = new HashSet<>();
    for (EmulatedFixture f : fixtures.values()) {
      org.romflash.emulator.Chip chip = f.chips().get(0);
      onChips.add(new String(chip.peek(SERIAL_AT, 6).orElseThrow(),
          java.nio.charset.StandardCharsets.US_ASCII));
      org.junit.jupiter.api.Assertions.assertArrayEquals(pattern(4096),
          chip.peek(0x0800_0000L, 4096).orElseThrow());
    }
    assertEquals(serials, onChips, "each chip holds the serial its journal line names");
  }

  @Test
  void aBoardWhoseUniqueIdCannotBeReadGetsAFreshSerialAndAWarning() throws Exception {
    Device d = F103;
    Device unmappedUid = new Device(d.pid(), d.name(), d.title(), d.parts(), d.family(),
        d.source(), d.bootloader(), d.flash(), d.programWord(), d.erasedValue(), d.rewrite(),
        d.flashSizeRegister(), d.ramRegions(), d.systemMemory(), d.options(), d.eeprom(),
        d.otp(), 0x5000_0000L, d.timing(), d.quirks());
    fixtures.put("a", new EmulatedFixture("a", F103, unmappedUid, Emulator.Options.defaults(),
        false));
    Path file = dir.resolve("j.jsonl");
    List<UnitRecord> units;
    try (Journal journal = Journal.open(file)) {
      units = station(List.of("a"), journal, false, Emulator.Options.defaults(), false).run();
    }
    assertEquals(Outcome.OK, units.get(0).outcome(), String.valueOf(units.get(0).failure()));
    JsonNode line = lines(file).get(0);
    assertTrue(line.get("uid").isNull());
    assertEquals("SN0001", line.get("serial").get("text").asText());
    assertTrue(line.get("warnings").get(0).asText().startsWith("the unique ID at 0x50000000"
        + " cannot be read (Read Memory (0x11) at 0x50000000"), line.toString());
  }

  @Test
  void lineModeProgramsBoardAfterBoardUntilStopped() throws Exception {
    Path file = dir.resolve("j.jsonl");
    try (Journal journal = Journal.open(file)) {
      Station station = station(List.of("a", "b"), journal, true, Emulator.Options.defaults(),
          true);
      Thread running = new Thread(() -> {
        try {
          station.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      running.start();
      await(() -> station.units().size() >= 6, "six units");
      stop.raise();
      running.join(10_000);
      assertEquals(false, running.isAlive());
      List<UnitRecord> units = station.units();
      assertEquals(units.size(), lines(file).size());
      assertEquals(units.size(), units.stream().map(UnitRecord::uid).distinct().count(),
          "every board is a new one");
      List<UnitRecord> notPassed = units.stream().filter(u -> u.outcome() != Outcome.OK).toList();
      assertTrue(notPassed.stream().allMatch(u -> u.outcome() == Outcome.INTERRUPTED),
          "only a unit caught by the stop may be unfinished: " + notPassed.stream()
              .map(u -> u.failure().message()).toList());
      assertTrue(notPassed.size() <= 2, "at most one per port");
      assertTrue(units.size() - notPassed.size() >= 6);
    }
  }

  @Test
  void aBoardThatComesBackIsNotProgrammedTwice() throws Exception {
    Path file = dir.resolve("j.jsonl");
    try (Journal journal = Journal.open(file)) {
      Station station = station(List.of("a"), journal, true, Emulator.Options.defaults(), false);
      Thread running = new Thread(() -> {
        try {
          station.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      running.start();
      await(() -> station.units().size() == 1, "the first unit");
      EmulatedFixture port = fixtures.get("a");
      port.silent(true);
      Thread.sleep(200);
      port.silent(false);
      await(() -> port.connects() >= 2, "the same board to be looked at again");
      Thread.sleep(200);
      assertEquals(1, station.units().size(), "the same board is not programmed again");
      port.insertNewBoard();
      port.silent(true);
      Thread.sleep(200);
      port.silent(false);
      await(() -> station.units().size() == 2, "the next board");
      stop.raise();
      running.join(10_000);
      assertEquals(2, lines(file).size());
    }
  }

  @Test
  void aStopDuringTheWriteJournalsTheUnitAsInterrupted() throws Exception {
    Path file = dir.resolve("j.jsonl");
    Emulator.Options slow = Emulator.Options.defaults()
        .withTiming(TimingModel.realistic(115_200, Duration.ofMillis(1)));
    try (Journal journal = Journal.open(file)) {
      Station station = station(List.of("a"), journal, false, slow, false);
      Thread running = new Thread(() -> {
        try {
          station.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      running.start();
      await(() -> fixtures.containsKey("a") && fixtures.get("a").connects() == 1, "the connect");
      Thread.sleep(300);
      stop.raise();
      running.join(10_000);
    }
    List<JsonNode> lines = lines(file);
    assertEquals(1, lines.size());
    assertEquals("interrupted", lines.get(0).get("outcome").asText());
    assertEquals("interrupted", lines.get(0).get("error_class").asText());
    assertTrue(Files.readString(file).endsWith("}\n"));
  }
}
