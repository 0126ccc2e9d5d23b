package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;

/** --entry, --exit, the wiring presets and --no-init, through the command line. */
class LineOptionsCliTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("romflash.projectDir", "."),
      "examples", "blink-f103", "blink-f103.hex");
  private static final String NOTE = "note: control lines driven on sim:F103xB (the emulated chip"
      + " ignores them): ";

  @Test
  void infoRunsTheEntrySequenceBeforeSyncAndTheExitSequenceAfter() {
    Cli cli = Cli.run("info", "--port", "sim:F103xB", "--entry", "-rts&dtr,-dtr,",
        "--exit", "rts&dtr,-dtr");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.err().endsWith(NOTE + "-rts dtr -dtr rts dtr -dtr\n"), cli.err());
  }

  @Test
  void thePresetsForDtrOnNrstAndRtsOnBoot0DriveTheSameLines() {
    Cli cli = Cli.run("info", "--port", "sim:F103xB", "--reset-line", "dtr", "--boot0-line", "rts");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.err().endsWith(NOTE + "-rts dtr -dtr rts dtr -dtr\n"), cli.err());
  }

  @Test
  void invertedPresetsAssertToDriveAPinHigh() {
    Cli cli = Cli.run("info", "--port", "sim:F103xB", "--reset-line", "rts", "--invert-reset",
        "--boot0-line", "dtr", "--invert-boot0");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.err().endsWith(NOTE + "dtr -rts rts -dtr -rts rts\n"), cli.err());
  }

  @Test
  void anExitOnlySequenceInStm32flashFormIsRun() {
    Cli cli = Cli.run("info", "--port", "sim:F103xB", "--entry", ":rts,-dtr");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.err().endsWith(NOTE + "rts -dtr\n"), cli.err());
  }

  @Test
  void theExitSequenceIsSkippedWhenTheCommandFails() {
    Cli cli = Cli.run("verify", EXAMPLE.toString(), "--port", "sim:F103xB", "--entry", "dtr",
        "--exit", "rts");
    assertEquals(5, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains(NOTE + "dtr\nerror: verify failed"), cli.err());
  }

  @Test
  void withoutLineOptionsNoLineIsTouched() {
    Cli cli = Cli.run("info", "--port", "sim:F103xB");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(!cli.err().contains("control lines"), cli.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--entry rts,dtrx | --entry \"rts,dtrx\": unknown signal 'dtrx' at character 5; signals are"
          + " rts, dtr, brk, optionally with '-'",
      "--exit rts:dtr | --exit \"rts:dtr\": unexpected ':' at character 4; only the ENTRY:EXIT form"
          + " has one, and this is a single sequence",
      "--entry rts:dtr:brk | --entry \"rts:dtr:brk\": a second ':' at character 8; the form is"
          + " ENTRY:EXIT",
      "--entry rts: --exit dtr | --entry \"rts:\" already gives an exit sequence after ':', so"
          + " --exit cannot be given too",
      "--entry rts --reset-line dtr | --entry and --reset-line cannot be combined: give either the"
          + " wiring presets or explicit sequences",
      "--exit rts --boot0-line rts --reset-line dtr | --exit and --reset-line cannot be combined:"
          + " give either the wiring presets or explicit sequences",
      "--entry rts --invert-boot0 | --entry and --invert-boot0 cannot be combined: give either the"
          + " wiring presets or explicit sequences",
      "--boot0-line rts | --boot0-line needs --reset-line: the chip reads BOOT0 only as it comes"
          + " out of reset",
      "--invert-reset | --invert-reset needs --reset-line: the chip reads BOOT0 only as it comes"
          + " out of reset",
      "--reset-line dtr --invert-boot0 | --invert-boot0 needs --boot0-line",
      "--reset-line rts --boot0-line rts | --reset-line and --boot0-line are both rts: NRST and"
          + " BOOT0 need a line each",
  })
  void badLineOptionsAreUsageErrorsBeforeThePortIsOpened(String options, String message) {
    String[] args = ("info --port sim:F103xB " + options).split(" ");
    Cli cli = Cli.run(args);
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals(message + "\nhint: 'romflash info --help' lists the options\n", cli.err());
  }

  @Test
  void noInitTalksToABootloaderThatIsStillSynchronised() throws Exception {
    Chip chip = new Chip(DeviceDatabase.bundled().byName("F103xB").orElseThrow());
    try (EmulatorServer server = new EmulatorServer(chip, Emulator.Options.defaults())) {
      String port = "tcp://127.0.0.1:" + server.startTcp(0);
      Cli first = Cli.run("info", "--port", port);
      assertEquals(0, first.exitCode(), first.toString());
      Cli noInit = Cli.run("info", "--no-init", "--port", port);
      assertEquals(0, noInit.exitCode(), noInit.toString());
      assertTrue(noInit.out().contains("Device:           STM32F103xB ("), noInit.out());
      // Without --no-init the first 0x7F becomes half a command; the second is answered NACK.
      Cli again = Cli.run("info", "--port", port);
      assertEquals(0, again.exitCode(), again.toString());
      assertEquals(first.out(), again.out());
    }
  }

  @Test
  void noInitGetsNoAnswerFromABootloaderStillWaitingForItsBaudRate() throws Exception {
    Chip chip = new Chip(DeviceDatabase.bundled().byName("F103xB").orElseThrow());
    try (EmulatorServer server = new EmulatorServer(chip, Emulator.Options.defaults())) {
      String port = "tcp://127.0.0.1:" + server.startTcp(0);
      Cli cli = Cli.run("info", "--no-init", "--port", port);
      assertEquals(3, cli.exitCode(), cli.toString());
      assertEquals("error: Get (0x00): no reply within 1000 ms (0 of 1 bytes received) at the"
          + " command stage\nhint: with --no-init the bootloader must already be synchronised by"
          + " an earlier 0x7F (drop --no-init after a reset); otherwise check power and wiring\n",
          cli.err());
    }
  }
}
