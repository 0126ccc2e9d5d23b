package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.swd.ProbeConnection;
import org.romflash.swd.dap.CmsisDap;
import org.romflash.swd.gdb.GdbRspServer;
import org.romflash.swd.sim.SimulatedChip;
import org.romflash.swd.sim.SimulatedDapProbe;

/** write, read, erase, verify and info through a debug probe, as a user runs them. */
class ProbeCliTest {
  @TempDir Path dir;

  private Path image(int size, long seed) throws IOException {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    Path file = dir.resolve("fw" + seed + ".bin");
    Files.write(file, data);
    return file;
  }

  @Test
  void everyControllerGenerationIsWrittenAndVerifiedThroughTheSimulatedProbe() throws IOException {
    Path fw = image(20_000, 1);
    for (String device : new String[] {"F030xC", "F103xB", "F303xC", "F407xG", "F723xE", "G071xB", "G474xE",
        "L476xG", "WB55xG", "WL55xC", "H743xI", "H7A3xI"}) {
      Cli cli = Cli.run("write", fw.toString(), "--probe", "sim:" + device, "--json");
      assertEquals(0, cli.exitCode(), device + ": " + cli);
      assertTrue(cli.out().contains("\"verified_by\" : \"readback\""), cli.out());
    }
  }

  @Test
  void readEraseAndVerifyWorkThroughTheProbe() throws IOException {
    Path out = dir.resolve("dump.bin");
    Cli read = Cli.run("read", "--probe", "sim:F407xG", "-a", "0x08000000", "-n", "256", "-o",
        out.toString());
    assertEquals(0, read.exitCode(), read.toString());
    byte[] blank = new byte[256];
    java.util.Arrays.fill(blank, (byte) 0xFF);
    assertArrayEquals(blank, Files.readAllBytes(out));
    Cli erase = Cli.run("erase", "--all", "--probe", "sim:F407xG");
    assertEquals(0, erase.exitCode(), erase.toString());
    Cli verify = Cli.run("verify", image(1000, 2).toString(), "--probe", "sim:F407xG");
    assertEquals(5, verify.exitCode(), "a blank chip does not hold the image: " + verify);
    assertTrue(verify.err().contains("0x08000000"), verify.err());
  }

  @Test
  void goAndCrcWorkThroughTheProbe() {
    assertEquals(0, Cli.run("crc", "-n", "1024", "--probe", "sim:F103xB").exitCode());
    Cli go = Cli.run("go", "--probe", "sim:F103xB");
    assertEquals(0, go.exitCode(), go.toString());
  }

  @Test
  void infoNamesTheProbeAndTheChipItFound() {
    Cli info = Cli.run("info", "--probe", "sim:G071xB");
    assertEquals(0, info.exitCode(), info.toString());
    assertEquals("note: using the built-in simulated probe and chip sim:G071xB (no hardware)\n",
        info.err());
    assertTrue(info.out().startsWith("Probe:            simulated CMSIS-DAP (STM32G071xB),"
        + " SW-DP 0x2BA01477\nProduct ID:       0x460 (DBGMCU IDCODE)\nDevice:           STM32G071xB"),
        info.out());
  }

  @Test
  void bootloaderOnlyCommandsAreRefusedWithAHint() {
    Cli cli = Cli.run("protect", "write", "--sectors", "0", "--probe", "sim:F407xG");
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("error: this needs the chip's ROM bootloader, and the chip is"
        + " reached through a debug probe\nhint: through a probe romflash can write, read, erase"
        + " and verify; for the rest use the bootloader: --via uart --port PORT"), cli.err());
  }

  @Test
  void autoFallsBackToTheProbeWhenTheBootloaderDoesNotAnswer() throws IOException {
    Chip locked = new Chip(DeviceDatabase.bundled().byName("F103xB").orElseThrow());
    locked.setReadProtectionLevel(2);
    try (ServedChip silent = ServedChip.of(locked, Emulator.Options.defaults())) {
      Cli cli = Cli.run("write", image(512, 3).toString(), "--port", silent.port(), "--probe",
          "sim:F103xB");
      assertEquals(0, cli.exitCode(), cli.toString());
      assertTrue(cli.err().contains("warning: the bootloader on " + silent.port() + " does not"
          + " answer 0x7F; continuing through the probe sim:F103xB"), cli.err());
    }
  }

  @Test
  void withViaUartThereIsNoFallback() throws IOException {
    Chip locked = new Chip(DeviceDatabase.bundled().byName("F103xB").orElseThrow());
    locked.setReadProtectionLevel(2);
    try (ServedChip silent = ServedChip.of(locked, Emulator.Options.defaults())) {
      Cli cli = Cli.run("write", image(512, 4).toString(), "--port", silent.port(), "--probe",
          "sim:F103xB", "--via", "uart");
      assertEquals(3, cli.exitCode(), cli.toString());
    }
  }

  @Test
  void aGdbServerIsAProbeToo() throws IOException {
    SimulatedChip chip = new SimulatedChip(DeviceDatabase.bundled().byName("F407xG")
        .orElseThrow());
    Path fw = image(70_000, 5);
    try (ProbeConnection probe = ProbeConnection.open(CmsisDap.open(new SimulatedDapProbe(chip)),
        DeviceDatabase.bundled(), ProbeConnection.Options.defaults(), note -> { });
        GdbRspServer server = GdbRspServer.start(0, probe.target().memory(),
            probe.target().core(), probe.target(), probe.target().device())) {
      Cli cli = Cli.run("write", fw.toString(), "--probe", "gdb:127.0.0.1:" + server.port());
      assertEquals(0, cli.exitCode(), cli.toString());
      assertTrue(cli.out().contains("verified by crc"), "by the server's qCRC: " + cli.out());
      assertArrayEquals(Files.readAllBytes(fw), chip.flash().array().read(0x0800_0000L, 70_000));
      int was = chip.flash().array().get(0x0800_1234L, 1);
      chip.flash().array().set(0x0800_1234L, 1, was ^ 0x10);
      Cli verify = Cli.run("verify", fw.toString(), "--probe", "gdb:127.0.0.1:" + server.port());
      assertEquals(5, verify.exitCode(), verify.toString());
      assertTrue(verify.err().contains(String.format("error: verify failed at 0x08001234: chip has"
          + " 0x%02X, image has 0x%02X", was ^ 0x10, was)),
          "qCRC finds it, reading back names the byte: " + verify.err());
    }
  }

  @Test
  void anUnknownProbeKindIsABadCommandLine() {
    Cli cli = Cli.run("info", "--probe", "jlink");
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("--probe 'jlink' is not one of cmsis-dap[:SERIAL],"
        + " gdb:HOST:PORT, gdb:DEVICE or sim:DEVICE"), cli.err());
  }

  @Test
  void optionBytesAreShownAndChangedThroughTheProbeUnderTheSameRules() {
    Cli show = Cli.run("option-bytes", "show", "--probe", "sim:F407xG");
    assertEquals(0, show.exitCode(), show.toString());
    assertTrue(show.out().contains("RDP      0x1FFFC001[7:0]   0xAA  level 0 (no read protection)"),
        show.out());
    Cli set = Cli.run("option-bytes", "set", "nWRP=0xFFE", "--yes", "--probe", "sim:F407xG");
    assertEquals(0, set.exitCode(), set.toString());
    assertTrue(set.out().contains("nWRP: 0xFFF -> 0xFFE\noption bytes read back after the reset:"
        + " as written"), set.out());
    Cli unconfirmed = Cli.run("option-bytes", "set", "nWRP=0xFFE", "--probe", "sim:F407xG");
    assertEquals(2, unconfirmed.exitCode(), unconfirmed.toString());
    Cli lock = Cli.run("option-bytes", "set", "RDP=0xCC", "--yes", "--probe", "sim:F407xG");
    assertEquals(2, lock.exitCode(), lock.toString());
    assertTrue(lock.err().contains("hint: run again with --yes --permanently-lock"), lock.err());
  }

  @Test
  void raisingReadProtectionThroughTheProbeLocksTheDebuggerOutOfFlash() {
    Cli set = Cli.run("option-bytes", "set", "RDP=0xBB", "--yes", "--probe", "sim:F103xB");
    assertEquals(0, set.exitCode(), set.toString());
    assertTrue(set.out().contains("read protection is now active, as asked: the chip refuses"
        + " reads, so the option bytes cannot be read back"), set.out());
  }

  @Test
  void theEccGenerationsTakeOptionChangesThroughTheProbeToo() {
    Cli g0 = Cli.run("option-bytes", "set", "nBOOT_SEL=0", "--yes", "--probe", "sim:G071xB");
    assertEquals(0, g0.exitCode(), g0.toString());
    assertTrue(g0.out().contains("nBOOT_SEL: 0x01 -> 0x00\noption bytes read back after the"
        + " reset: as written"), g0.out());
    Cli h7 = Cli.run("option-bytes", "set", "BOOT_ADD0=0x0801", "--yes", "--probe",
        "sim:H743xI");
    assertEquals(0, h7.exitCode(), h7.toString());
    assertTrue(h7.out().contains("BOOT_ADD0: 0x0800 -> 0x0801"), h7.out());
  }
}
