package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.romflash.cli.Main;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;

/**
 * {@code romflash stm32flash ARGS} against Debian's stm32flash 0.7 with the same ARGS, each on its
 * own emulated chip in the same starting state, over a socat pseudo-terminal (hence {@code -m
 * 8n1}): the chips must end byte for byte alike (flash, option bytes, protection, resets, whether
 * the program was started), files read must be equal, and both must succeed or fail as the row
 * says. Rows marked as fixes are stm32flash bugs: there the chip must end as {@link Stm32flashRows}
 * says romflash should leave it, and stm32flash's own result must differ from it.
 */
class Stm32flashCompatibilityTest {
  @TempDir Path dir;
  private final List<EmulatorServer> servers = new ArrayList<>();

  @BeforeEach
  void peers() {
    Peers.require("stm32flash");
    Peers.require("socat");
  }

  @AfterEach
  void stop() {
    servers.forEach(EmulatorServer::shutdown);
  }

  static Stream<Stm32flashRows.Row> rows() {
    return Stm32flashRows.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void romflashLeavesTheChipAsStm32flashDoes(Stm32flashRows.Row row) throws Exception {
    Path refDir = Files.createDirectories(dir.resolve("stm32flash"));
    Path ourDir = Files.createDirectories(dir.resolve("romflash"));
    Stm32flashRows.writeInputs(refDir);
    Stm32flashRows.writeInputs(ourDir);
    Chip reference = Stm32flashRows.chip(row);
    Chip ours = Stm32flashRows.chip(row);

    List<String> refCommand = new ArrayList<>(List.of("stm32flash"));
    refCommand.addAll(row.arguments(refDir, serve(reference, row, "ref")));
    Peers.Result refResult = Peers.run(refCommand, 120);
    List<String> ourCommand = new ArrayList<>(List.of("stm32flash"));
    ourCommand.addAll(row.arguments(ourDir, serve(ours, row, "ours")));
    Outcome ourResult = romflash(ourCommand);
    String context = row + "\n--- stm32flash (exit " + refResult.exitCode() + ")\n"
        + refResult.output() + "\n--- romflash (exit " + ourResult.exitCode + ")\n"
        + ourResult.output;

    for (EmulatorServer server : servers) {
      server.awaitIdle(java.time.Duration.ofSeconds(2));
    }
    assertEquals(row.stm32flashExit(), refResult.exitCode(), context);
    assertEquals(row.romflashExit(), ourResult.exitCode, context);
    byte[] expected = row.fix() == null ? flash(reference) : row.fix().apply(Stm32flashRows.initial(
        ours), refDir);
    assertArrayEquals(expected, flash(ours), context);
    if (row.fix() != null) {
      assertFalse(Arrays.equals(expected, flash(reference)), "stm32flash no longer has this bug:\n"
          + context);
    }
    assertArrayEquals(optionBytes(reference), optionBytes(ours), context);
    assertEquals(reference.readProtectionLevel(), ours.readProtectionLevel(), context);
    assertEquals(reference.anyWriteProtected(), ours.anyWriteProtected(), context);
    assertEquals(reference.resets(), ours.resets(), context);
    assertEquals(servers.get(0).leftBootloader(), servers.get(1).leftBootloader(), context);
    Path refOut = refDir.resolve("out.bin");
    Path ourOut = ourDir.resolve("out.bin");
    assertEquals(Files.exists(refOut) && Files.size(refOut) > 0, Files.exists(ourOut), context);
    if (Files.exists(ourOut)) {
      assertArrayEquals(Files.readAllBytes(refOut), Files.readAllBytes(ourOut), context);
    }
    String refCrc = crc(refResult.output(),
        "CRC\\(0x[0-9a-f]+-0x[0-9a-f]+\\) = 0x([0-9a-f]{8})");
    assertEquals(refCrc, crc(ourResult.output, "CRC-32/STM32 of .*: 0x([0-9A-F]{8})"), context);
    assertEquals(row.args().startsWith("-C"), !refCrc.equals("none"), context);
  }

  private String serve(Chip chip, Stm32flashRows.Row row, String name) throws Exception {
    EmulatorServer server = new EmulatorServer(chip,
        Emulator.Options.defaults().synchronised(row.setup().contains("synchronised")));
    servers.add(server);
    return server.startPty(dir.resolve("tty-" + name), w -> { }).hostPath().toString();
  }

  private record Outcome(int exitCode, String output) {}

  private static Outcome romflash(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = Main.run(args.toArray(String[]::new), stream, stream);
    return new Outcome(code, out.toString(StandardCharsets.UTF_8));
  }

  private static byte[] flash(Chip chip) {
    long base = chip.device().flash().base();
    return chip.peek(base, (int) chip.device().flash().size()).orElseThrow();
  }

  private static byte[] optionBytes(Chip chip) {
    var region = chip.device().optionBytes();
    return chip.peek(region.start(), (int) region.size()).orElseThrow();
  }

  private static String crc(String output, String regex) {
    Matcher m = Pattern.compile(regex).matcher(output);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "none";
  }
}
