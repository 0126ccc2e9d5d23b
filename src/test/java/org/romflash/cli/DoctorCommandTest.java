package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;
import org.romflash.link.Parity;
import org.romflash.link.SerialLink;
import org.romflash.link.SerialSettings;
import org.romflash.link.TcpLink;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.Timeouts;

/** {@code romflash doctor} from the command line: one test per exit path. */
class DoctorCommandTest {
  @TempDir Path dir;

  private static final String RESULT_THREE = "result: exit 3 (no response from the bootloader)\n";

  @Test
  void theEmulatedChipIsProbedOnceAndFoundHealthy() {
    Cli cli = Cli.run("doctor", "--port", "sim:F103xB");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals("doctor: sim:F103xB\n"
        + "note: sim:F103xB is the built-in emulated chip, which answers at any baud rate: one"
        + " probe at 115200 8E1 instead of a sweep\n"
        + "probe 115200 8E1: 0x79 (ACK): the bootloader answered\n"
        + "ok: the bootloader answers at 115200 8E1\n"
        + "ok: Get: bootloader protocol v2.2, 11 commands\n"
        + "ok: product ID 0x410: STM32F103xB (STM32F10xxx medium-density)\n"
        + "ok: read protection: inactive (read 1 byte at 0x08000000)\n"
        + "result: exit 0 (success)\n", cli.out());
    assertEquals("", cli.err());
  }

  @Test
  void aReadProtectedChipIsReportedAndStillExitsZeroBecauseItAnswered() {
    Cli cli = Cli.run("doctor", "--port", "sim:L431xC", "--sim-rdp", "1");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("ok: product ID 0x435: STM32L431xC ("), cli.out());
    assertTrue(cli.out().endsWith("warning: read protection is ACTIVE (level 1): Read Memory is"
        + " refused, so flash cannot be read or written\n"
        + "  hint: `romflash unprotect readout --yes` removes it, which erases the whole flash\n"
        + "result: exit 0 (success)\n"), cli.out());
  }

  @Test
  void aChipThatNeverAnswersPrintsTheNumberedChecklistAndExitsThree() {
    Cli cli = Cli.run("doctor", "--port", "sim:F103xB", "--sim-rdp", "2");
    assertEquals(3, cli.exitCode(), cli.toString());
    StringBuilder checklist = new StringBuilder("Check, most likely first:\n");
    for (int i = 0; i < Checklist.NO_ANSWER.size(); i++) {
      checklist.append(String.format("%3d. %s%n", i + 1, Checklist.NO_ANSWER.get(i)));
    }
    assertTrue(cli.out().contains("probe 115200 8E1: no answer in 200 ms (0x7F sent twice)\n"
        + "problem: nothing answered 0x7F\n" + checklist + RESULT_THREE), cli.out());
    assertTrue(checklist.toString().contains("  1. BOOT0 high while the chip comes out of reset"),
        checklist.toString());
  }

  @Test
  void aPortThatDoesNotExistExitsSeven() {
    String port = dir.resolve("ttyNOTHERE").toString();
    Cli cli = Cli.run("doctor", "--port", port);
    assertEquals(7, cli.exitCode(), cli.toString());
    assertEquals("doctor: " + port + "\n"
        + "problem: " + port + ": no such serial port\n"
        + "  hint: check the port name (ls /dev/ttyUSB* /dev/ttyACM* on Linux), or use --port"
        + " sim:F103xB for the built-in emulated chip; `romflash ports` lists the serial ports\n"
        + "result: exit 7 (the serial port or connection could not be used, or a file could not"
        + " be written)\n", cli.out());
  }

  @Test
  void aChipLeftSynchronisedByAnEarlierConnectionNacksThe0x7FAndIsConfirmedWithGet()
      throws Exception {
    Chip chip = new Chip(DeviceDatabase.bundled().byName("F407xG").orElseThrow());
    try (EmulatorServer server = new EmulatorServer(chip, Emulator.Options.defaults())) {
      int port = server.startTcp(0);
      try (TcpLink earlier = TcpLink.connect("127.0.0.1", port)) {
        new BootloaderClient(earlier, Timeouts.forBaud(115_200)).connect();
      }
      Cli cli = Cli.run("doctor", "--port", "tcp://127.0.0.1:" + port);
      assertEquals(0, cli.exitCode(), cli.toString());
      assertEquals("doctor: tcp://127.0.0.1:" + port + "\n"
          + "note: a TCP serial server sets the baud rate and parity of its line itself: one probe"
          + " instead of a sweep\n"
          + "probe 115200 8E1: 0x1F (NACK) to the second 0x7F: already synchronised\n"
          + "ok: the bootloader answers at 115200 8E1; it was already synchronised (a previous"
          + " program left it waiting for a command), so 0x7F got NACK\n"
          + "ok: Get: bootloader protocol v3.1, 11 commands\n"
          + "ok: product ID 0x413: STM32F407xG (STM32F40xxx/41xxx)\n"
          + "ok: read protection: inactive (read 1 byte at 0x08000000)\n"
          + "result: exit 0 (success)\n", cli.out());
    }
  }

  @Test
  void aPseudoTerminalHeldByAnotherOpenIsNamedWithItsHolderAndExitsSeven() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")) || Boolean.getBoolean(
        "romflash.requirePeers"), "socat is not installed");
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc on this system");
    Chip chip = new Chip(DeviceDatabase.bundled().byName("F103xB").orElseThrow());
    try (EmulatorServer server = new EmulatorServer(chip, Emulator.Options.defaults())) {
      String pty = server.startPty(dir.resolve("tty"), w -> { }).hostPath().toString();
      try (SerialLink holder = SerialLink.open(pty, new SerialSettings(115_200, Parity.NONE,
          false, false, Duration.ZERO), w -> { })) {
        Cli cli = Cli.run("doctor", "--port", pty);
        assertEquals(7, cli.exitCode(), cli.toString() + holder.name());
        assertTrue(cli.out().contains("problem: " + pty + " is open in ")
            && cli.out().contains("pid " + ProcessHandle.current().pid() + " ("), cli.out());
        assertTrue(cli.out().contains("  hint: close that program (a terminal, ModemManager,"
            + " another romflash) and run doctor again\n"), cli.out());
      }
      Cli free = Cli.run("doctor", "--port", pty);
      assertEquals(0, free.exitCode(), free.toString());
    }
  }
}
