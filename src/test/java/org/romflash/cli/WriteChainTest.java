package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code write} chains unprotect, erase, write, verify, option bytes and go/reset in one run. */
class WriteChainTest extends ChipOverTcpTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("romflash.projectDir", "."),
      "examples", "blink-f103", "blink-f103.hex");
  @Test
  void unprotectReadoutWithoutYesTouchesNothing() throws Exception {
    String port = serve("F103xB");
    chip.setReadProtectionLevel(1);
    Cli cli = Cli.run("write", EXAMPLE.toString(), "--unprotect", "readout", "--port", port);
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals("error: --unprotect readout mass-erases the chip before writing: every byte of"
        + " flash is lost\nhint: run again with --yes if that is what you want\n", cli.err());
    assertEquals(1, chip.readProtectionLevel());
  }

  @Test
  void aProtectedChipIsUnprotectedWrittenAndVerifiedInOneRun() throws Exception {
    String port = serve("F103xB");
    chip.setReadProtectionLevel(1);
    Cli cli = Cli.run("write", EXAMPLE.toString(), "--unprotect", "readout", "--yes", "--port",
        port);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals("read-out protection removed; the flash was erased and the chip reset\n"
        + "wrote 68 bytes (1 segments, 1 units erased), verified by readback\n", cli.out());
    assertEquals(0, chip.readProtectionLevel());
  }

  @Test
  void onAG0TheBoot0WarningIsGivenAndKeepBootloaderAccessClearsNbootSel() throws Exception {
    String port = serve("G071xB");
    Cli warned = Cli.run("write", EXAMPLE.toString(), "-a", "0x08000000", "--format", "hex",
        "--port", port);
    assertEquals(0, warned.exitCode(), warned.toString());
    assertTrue(warned.err().contains("warning: STM32G071xB ignores the BOOT0 pin once its flash is"
        + " programmed (nBOOT_SEL=1)"), warned.err());
    Cli refused = Cli.run("write", EXAMPLE.toString(), "--keep-bootloader-access", "--port", port);
    assertEquals(2, refused.exitCode(), refused.toString());
    Cli kept = Cli.run("write", EXAMPLE.toString(), "--keep-bootloader-access", "--yes", "--port",
        port);
    assertEquals(0, kept.exitCode(), kept.toString());
    assertTrue(kept.out().contains("nBOOT_SEL: 0x01 -> 0x00\n"), kept.out());
    assertEquals(0, (chip.optionImage().bytes()[3] & 0x01), "nBOOT_SEL is bit 24");
    Cli again = Cli.run("write", EXAMPLE.toString(), "--port", port);
    assertFalse(again.err().contains("ignores the BOOT0 pin"), "no warning once cleared");
  }

  @Test
  void setOptionRefusesLevelTwoEvenWithYes() throws Exception {
    String port = serve("G071xB");
    Cli cli = Cli.run("write", EXAMPLE.toString(), "--set-option", "RDP=0xCC", "--yes", "--port",
        port);
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("read-protection level 2"), cli.err());
    assertEquals(0, chip.readProtectionLevel());
  }

  @Test
  void goTakesAnOptionalAddressWithoutSwallowingTheFile() throws Exception {
    String port = serve("F103xB");
    Cli cli = Cli.run("write", "--go", EXAMPLE.toString(), "--port", port);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().endsWith("started the program at 0x08000000\n"), cli.out());
    assertTrue(served.server().awaitIdle(Duration.ofSeconds(2)));
    assertTrue(served.server().leftBootloader());
  }

  @Test
  void resetRunsTheResetProgramAndCannotBeCombinedWithGo() throws Exception {
    String port = serve("F103xB");
    Cli both = Cli.run("write", EXAMPLE.toString(), "--go", "--reset", "--port", port);
    assertEquals(2, both.exitCode(), both.toString());
    assertTrue(both.err().startsWith("--go and --reset cannot be combined: after Go the bootloader"
        + " no longer answers\n"), both.err());
    Cli reset = Cli.run("write", EXAMPLE.toString(), "--reset", "--port", port);
    assertEquals(0, reset.exitCode(), reset.toString());
    assertTrue(reset.out().contains("reset the chip (reset program run from 0x20000200)"),
        reset.out());
  }

  @Test
  void resetUsesTheExitSequenceWhenTheWiringGivesOne() throws Exception {
    String port = serve("F103xB");
    Cli cli = Cli.run("write", EXAMPLE.toString(), "--reset", "--reset-line", "dtr", "--port",
        port);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().endsWith("the exit line sequence resets the chip\n"), cli.out());
    assertFalse(chip.peek(0x20000200L, 4).map(b -> b[3] != 0).orElse(false),
        "no reset program was uploaded");
  }
}
