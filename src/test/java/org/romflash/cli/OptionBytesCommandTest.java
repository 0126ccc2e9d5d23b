package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code option-bytes show|set} on an emulated chip served over TCP, so its state can be checked
 * after the command; the confirmation rules are tried from every side.
 */
class OptionBytesCommandTest extends ChipOverTcpTest {
  private byte[] optionBytes() {
    return chip.optionImage().bytes();
  }

  @Test
  void showDecodesEveryNamedField() throws Exception {
    Cli cli = Cli.run("option-bytes", "show", "--port", serve("G071xB"));
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("""
        FIELD      BITS             VALUE
        RDP        0x1FFF7800[7:0]  0xAA  level 0 (no read protection)
        nBOOT_SEL  0x1FFF7800[24]   0x01
        nBOOT1     0x1FFF7800[25]   0x01
        nBOOT0     0x1FFF7800[26]   0x01
        """), cli.out());
  }

  @Test
  void setWritesTheFieldResetsReconnectsAndReadsBack() throws Exception {
    String port = serve("G071xB");
    int resets = chip.resets();
    Cli cli = Cli.run("option-bytes", "set", "nBOOT0=0", "nBOOT_SEL=0", "--yes", "--port", port);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals("nBOOT0: 0x01 -> 0x00\nnBOOT_SEL: 0x01 -> 0x00\noption bytes read back after the"
        + " reset: as written\n", cli.out());
    assertEquals(0xFA, optionBytes()[3] & 0xFF, "bits 24 and 26 of the first word cleared");
    assertEquals(resets + 1, chip.resets());
  }

  @Test
  void anF103FieldIsWrittenWithItsComplement() throws Exception {
    String port = serve("F103xB");
    Cli cli = Cli.run("option-bytes", "set", "USER=0xFB", "--yes", "--port", port);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(0xFB, optionBytes()[2] & 0xFF);
    assertEquals(0x04, optionBytes()[3] & 0xFF);
    assertEquals(0, chip.readProtectionLevel(), "a right complement keeps the chip open");
  }

  @Test
  void withoutYesNothingIsWritten() throws Exception {
    String port = serve("G071xB");
    byte[] before = optionBytes();
    Cli cli = Cli.run("option-bytes", "set", "nBOOT0=0", "--port", port);
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals("error: writing option bytes changes how the chip boots and protects itself, and"
        + " a wrong value can lock you out\nhint: run again with --yes if that is what you"
        + " want\n", cli.err());
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(optionBytes()));
  }

  @Test
  void levelTwoIsRefusedWithoutPermanentlyLockHoweverItIsWritten() throws Exception {
    String port = serve("G071xB");
    byte[] before = optionBytes();
    for (String rdp : new String[] {"RDP=0xCC", "rdp=0xcc", "RDP=204", "Rdp = 0XCC"}) {
      Cli cli = Cli.run("option-bytes", "set", rdp, "--yes", "--port", port);
      assertEquals(2, cli.exitCode(), rdp + ": " + cli);
      assertTrue(cli.err().startsWith("error: RDP=0xCC is read-protection level 2: the bootloader"
          + " and the debug port are disabled for good"), cli.err());
      assertTrue(cli.err().contains("hint: run again with --yes --permanently-lock"), cli.err());
    }
    Cli alone = Cli.run("option-bytes", "set", "RDP=0xCC", "--permanently-lock", "--port", port);
    assertEquals(2, alone.exitCode(), alone.toString());
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(optionBytes()));
    assertEquals(0, chip.readProtectionLevel());
  }

  @Test
  void withBothFlagsLevelTwoIsSetAndTheBootloaderFallsSilent() throws Exception {
    String port = serve("G071xB");
    Cli cli = Cli.run("option-bytes", "set", "RDP=0xCC", "--yes", "--permanently-lock", "--port",
        port, "--retries", "1");
    assertEquals(2, chip.readProtectionLevel());
    assertEquals(3, cli.exitCode(), "no answer after the reset: " + cli);
  }

  @Test
  void levelOneIsSetAndReadsAreRefusedAfterwards() throws Exception {
    String port = serve("F407xG");
    Cli cli = Cli.run("option-bytes", "set", "RDP=0x00", "--yes", "--port", port);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(1, chip.readProtectionLevel());
    assertTrue(cli.out().endsWith("read protection is now active, as asked: the chip refuses"
        + " reads, so the option bytes cannot be read back\n"), cli.out());
  }

  @Test
  void anUnknownFieldOrAValueTooWideIsAUsageError() throws Exception {
    String port = serve("G071xB");
    Cli unknown = Cli.run("option-bytes", "set", "nBOOT2=1", "--yes", "--port", port);
    assertEquals(2, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.err().startsWith("'nBOOT2=1' does not name a field of STM32G071xB's option"
        + " bytes; known: RDP, nBOOT_SEL, nBOOT1, nBOOT0\n"), unknown.err());
    Cli wide = Cli.run("option-bytes", "set", "nBOOT0=2", "--yes", "--port", port);
    assertEquals(2, wide.exitCode(), wide.toString());
    assertTrue(wide.err().startsWith("nBOOT0 is 1 bit wide: 2 does not fit\n"), wide.err());
  }
}
