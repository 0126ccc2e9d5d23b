package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;

/**
 * The Linux pty driver drops PARENB, and jSerialComm refuses to reopen such a port with even
 * parity: the user is told to pass --parity none rather than left with an OS error number.
 */
class PseudoTerminalParityTest {
  @TempDir Path dir;

  @Test
  void evenParityOnAPseudoTerminalEndsWithTheParityNoneHint() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")) || Boolean.getBoolean(
        "romflash.requirePeers"), "socat is not installed");
    Chip chip = new Chip(DeviceDatabase.bundled().byName("F103xB").orElseThrow());
    EmulatorServer server = new EmulatorServer(chip, Emulator.Options.defaults());
    try {
      String pty = server.startPty(dir.resolve("tty"), w -> { }).hostPath().toString();
      Cli first = Cli.run("info", "--port", pty, "-q");
      Cli second = first.exitCode() == 7 ? first : Cli.run("info", "--port", pty, "-q");
      assertEquals(7, second.exitCode(), second.toString());
      assertTrue(second.err().contains("the device rejected parity EVEN (it is a pseudo-terminal,"
          + " which cannot carry parity)"), second.err());
      assertTrue(second.err().contains("hint: a pseudo-terminal (or this adapter) cannot carry"
          + " parity: use --parity none"), second.err());
      Cli fixed = Cli.run("info", "--port", pty, "--parity", "none", "-q");
      assertEquals(0, fixed.exitCode(), fixed.toString());
    } finally {
      server.shutdown();
    }
  }
}
