package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.cli.Main;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;
import org.romflash.emulator.FaultPlan;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;

/**
 * The line test: eight emulated boards on eight real pseudo-terminals in one gang run,
 * one losing every byte from mid-run on and one read-protected. The six others pass, the two fail
 * with their error classes, the journal has exactly eight complete lines, the serials are unique
 * and each passed chip holds the image and its serial.
 */
class GangOnPseudoTerminalsTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("romflash.projectDir", "."),
      "examples", "blink-f103", "blink-f103.hex");
  private static final long SERIAL_AT = 0x0801_FC00L;

  @TempDir Path dir;

  @Test
  void eightBoardsOnEightPtysOneFaultyOneLocked() throws Exception {
    Peers.require("socat");
    Device f103 = DeviceDatabase.bundled().byName("F103xB").orElseThrow();
    List<EmulatorServer> servers = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Chip chip = new Chip(f103);
        byte[] uid = new byte[12];
        uid[0] = (byte) (0xA0 + i);
        chip.setUniqueId(uid);
        Emulator.Options options = Emulator.Options.defaults();
        if (i == 3) {
          options = options.withFaults(new FaultPlan(3, 1.0, 0, 0, 40));
        }
        if (i == 6) {
          chip.setReadProtectionLevel(1);
        }
        EmulatorServer server = new EmulatorServer(chip, options);
        servers.add(server);
        ports.add(server.startPty(dir.resolve("board" + i), w -> { }).hostPath().toString());
      }
      Path journal = dir.resolve("line.jsonl");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = Main.run(new String[] {"gang", "--ports", String.join(",", ports),
          "--parity", "none", "--retries", "1", "--journal", journal.toString(),
          "--station", "pty-line", "--serial-at", "0x0801FC00", "--serial-format", "SN{:05d}",
          "write", EXAMPLE.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
      assertEquals(10, code, printed);
      assertTrue(printed.contains("8 units: 6 passed, 2 failed"), printed);

      String text = Files.readString(journal);
      assertTrue(text.endsWith("\n"), "the last line is complete");
      List<JsonNode> lines = new ArrayList<>();
      for (String line : text.split("\n")) {
        lines.add(new ObjectMapper().readTree(line));
      }
      assertEquals(8, lines.size());
      assertEquals(new HashSet<>(ports), lines.stream().map(l -> l.get("port").asText())
          .collect(Collectors.toSet()));
      JsonNode faulty = line(lines, ports.get(3));
      assertEquals("failed", faulty.get("outcome").asText());
      assertEquals("no-reply", faulty.get("error_class").asText(), faulty.toString());
      JsonNode locked = line(lines, ports.get(6));
      assertEquals("read-protected", locked.get("error_class").asText(), locked.toString());
      Set<String> serials = new HashSet<>();
      FirmwareImage image = ImageFiles.read(EXAMPLE, 0x0800_0000L);
      for (int i = 0; i < 8; i++) {
        JsonNode unit = line(lines, ports.get(i));
        if (i == 3 || i == 6) {
          continue;
        }
        assertEquals("ok", unit.get("outcome").asText(), unit.toString());
        String serial = unit.get("serial").get("text").asText();
        serials.add(serial);
        Chip chip = servers.get(i).chip();
        assertArrayEquals(serial.getBytes(StandardCharsets.US_ASCII),
            chip.peek(SERIAL_AT, serial.length()).orElseThrow());
        var segment = image.segments().get(0);
        assertArrayEquals(segment.data(),
            chip.peek(segment.address(), segment.length()).orElseThrow());
      }
      assertEquals(6, serials.size(), "six distinct serials");
      assertEquals(false, serials.contains(faulty.get("serial").get("text").asText()),
          "the faulty unit's number is its own");
    } finally {
      servers.forEach(EmulatorServer::close);
    }
  }

  @Test
  void emulateServesSeveralBoardsThatAGlobFinds() throws Exception {
    Peers.require("socat");
    ByteArrayOutputStream emulated = new ByteArrayOutputStream();
    PrintStream printer = new PrintStream(emulated, true, StandardCharsets.UTF_8);
    Path ttys = Files.createDirectory(dir.resolve("tty"));
    Thread emulator = new Thread(() -> Main.run(new String[] {"emulate", "--pty",
        ttys.resolve("board").toString(), "--boards", "3"}, printer, printer), "emulate");
    emulator.setDaemon(true);
    emulator.start();
    try {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (emulated.toString(StandardCharsets.UTF_8).lines().count() < 3
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(List.of("emulating STM32F103xB (PID 0x410, bootloader v2.2) on " + ttys
          + "/board1 (pseudo-terminal: use 8N1)", "emulating STM32F103xB (PID 0x410, bootloader"
          + " v2.2) on " + ttys + "/board2 (pseudo-terminal: use 8N1)", "emulating STM32F103xB"
          + " (PID 0x410, bootloader v2.2) on " + ttys + "/board3 (pseudo-terminal: use 8N1)"),
          emulated.toString(StandardCharsets.UTF_8).lines().toList());
      Path journal = dir.resolve("j.jsonl");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code = Main.run(new String[] {"gang", "--ports", ttys + "/board*", "--parity", "none",
          "-q", "--journal", journal.toString(), "write", EXAMPLE.toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8), printer);
      assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
      List<String> uids = Files.readAllLines(journal).stream()
          .map(l -> l.replaceAll(".*\"uid\":\"([^\"]+)\".*", "$1")).distinct().toList();
      assertEquals(3, uids.size(), "three boards, three unique IDs: " + uids);
    } finally {
      emulator.interrupt();
      emulator.join(5_000);
    }
  }

  private static JsonNode line(List<JsonNode> lines, String port) {
    return lines.stream().filter(l -> l.get("port").asText().equals(port)).findFirst()
        .orElseThrow();
  }
}
