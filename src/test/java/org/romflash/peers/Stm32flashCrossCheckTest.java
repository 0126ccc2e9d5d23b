package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;

/**
 * Debian's stm32flash, the reference client, programs our emulated chip over a socat
 * pseudo-terminal: if a real bootloader client is satisfied with our emulator's bytes, the
 * emulator behaves like silicon as far as that client can tell. Ptys cannot carry parity, hence
 * {@code -m 8n1}.
 */
class Stm32flashCrossCheckTest {
  private static final DeviceDatabase DEVICES = DeviceDatabase.bundled();

  @TempDir Path dir;
  private EmulatorServer server;
  private Path pty;
  private Chip chip;

  @BeforeEach
  void peers() {
    Peers.require("stm32flash");
    Peers.require("socat");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.shutdown();
    }
  }

  private void emulate(String device) throws Exception {
    Device entry = DEVICES.byName(device).orElseThrow();
    chip = new Chip(entry);
    server = new EmulatorServer(chip, Emulator.Options.defaults());
    pty = server.startPty(dir.resolve("tty"), w -> { }).hostPath();
  }

  private Peers.Result stm32flash(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("stm32flash", "-m", "8n1"));
    command.addAll(Arrays.asList(args));
    command.add(pty.toString());
    return Peers.run(command, 120);
  }

  @ParameterizedTest
  @ValueSource(strings = {"F103xB", "F407xG", "G071xB"})
  void stm32flashIdentifiesTheEmulatedChip(String device) throws Exception {
    emulate(device);
    Peers.Result result = stm32flash();
    assertEquals(0, result.exitCode(), result.output());
    String pid = String.format("Device ID    : 0x%04X", chip.device().pid());
    assertTrue(result.output().contains(pid), result.output());
    String version = String.format("Version      : 0x%02X", chip.device().bootloader().version());
    assertTrue(result.output().contains(version), result.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"F103xB", "F407xG", "G071xB"})
  void stm32flashWritesVerifiesAndReadsBackARandomImage(String device) throws Exception {
    emulate(device);
    byte[] image = new byte[20 * 1024];
    new Random(device.hashCode()).nextBytes(image);
    Path file = dir.resolve("image.bin");
    Files.write(file, image);
    Peers.Result write = stm32flash("-w", file.toString(), "-v");
    assertEquals(0, write.exitCode(), write.output());
    long base = chip.device().flash().base();
    assertArrayEquals(image, chip.peek(base, image.length).orElseThrow());

    Path back = dir.resolve("back.bin");
    Peers.Result read = stm32flash("-r", back.toString(), "-S",
        String.format("0x%08X:%d", base, image.length));
    assertEquals(0, read.exitCode(), read.output());
    assertArrayEquals(image, Files.readAllBytes(back));
  }

  @ParameterizedTest
  @ValueSource(strings = {"F103xB", "F407xG", "G071xB"})
  void stm32flashEraseOnlyLeavesTheFlashErased(String device) throws Exception {
    emulate(device);
    long base = chip.device().flash().base();
    chip.load(base, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Peers.Result erase = stm32flash("-o");
    assertEquals(0, erase.exitCode(), erase.output());
    byte[] erased = new byte[8];
    Arrays.fill(erased, (byte) 0xFF);
    assertArrayEquals(erased, chip.peek(base, 8).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"F103xB", "F407xG", "G071xB"})
  void stm32flashReadoutUnprotectOpensAProtectedChipAndErasesIt(String device) throws Exception {
    emulate(device);
    long base = chip.device().flash().base();
    chip.load(base, new byte[] {0x11, 0x22, 0x33, 0x44});
    chip.setReadProtectionLevel(1);
    Peers.Result unprotect = stm32flash("-k");
    assertEquals(0, unprotect.exitCode(), unprotect.output());
    assertFalse(chip.readProtected());
    assertArrayEquals(new byte[] {-1, -1, -1, -1}, chip.peek(base, 4).orElseThrow());
    assertTrue(server.awaitIdle(java.time.Duration.ofSeconds(2)), "the chip settles");
    assertEquals(1, chip.resets());
  }

  @ParameterizedTest
  @ValueSource(strings = {"F103xB", "F407xG", "G071xB"})
  void stm32flashWriteUnprotectClearsWriteProtection(String device) throws Exception {
    emulate(device);
    chip.setWriteProtected(0, true);
    chip.setWriteProtected(1, true);
    Peers.Result unprotect = stm32flash("-u");
    assertEquals(0, unprotect.exitCode(), unprotect.output());
    assertFalse(chip.anyWriteProtected());
    assertTrue(server.awaitIdle(java.time.Duration.ofSeconds(2)), "the chip settles");
    assertEquals(1, chip.resets());
  }

  @ParameterizedTest
  @ValueSource(strings = {"F103xB", "F407xG", "G071xB"})
  void stm32flashGoLeavesTheBootloader(String device) throws Exception {
    emulate(device);
    Peers.Result go = stm32flash("-g", String.format("0x%08X", chip.device().flash().base()));
    assertEquals(0, go.exitCode(), go.output());
    assertTrue(server.awaitIdle(java.time.Duration.ofSeconds(2)), "the chip settles");
    assertTrue(server.leftBootloader(), go.output());
  }
}
