package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.image.IntelHex;

/** The CLI as a user meets it: picocli's execute() against the built-in emulated chip. */
class CommandLineTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("romflash.projectDir", "."),
      "examples", "blink-f103", "blink-f103.hex");

  @TempDir Path dir;

  @Test
  void writingTheExampleImageErasesOnePageWritesAndVerifies() {
    Cli cli = Cli.run("write", EXAMPLE.toString(), "--port", "sim:F103xB");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals("wrote 68 bytes (1 segments, 1 units erased), verified by readback\n", cli.out());
  }

  @Test
  void infoNamesTheDeviceAndItsProtectionState() {
    Cli cli = Cli.run("info", "--port", "sim:G071xB");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("Product ID:       0x460\n"), cli.out());
    assertTrue(cli.out().contains("Bootloader:       protocol v3.1, ID 0xB4 (at 0x1FFF6FFE)\n"),
        cli.out());
    assertTrue(cli.out().contains("Flash:            0x08000000-0x0801FFFF, 128 KiB, erase units"
        + " 64 x 2 KiB\n"), cli.out());
    assertTrue(cli.out().contains("Device:           STM32G071xB (STM32G07xxx/G08xxx)\n"), cli.out());
    assertTrue(cli.out().contains("Read protection:  inactive (level 0)\n"), cli.out());
    // The emulator's UID bytes are "RFG071xB0000" in memory order; words print most significant first.
    assertTrue(cli.out().contains("Unique ID:        30303030-42783137-30474652 (at 0x1FFF7590)\n"),
        cli.out());
    assertTrue(cli.out().contains("Flash size:       128 KiB (flash-size register at 0x1FFF75E0)\n"),
        cli.out());
  }

  @Test
  void infoReportsActiveReadProtection() {
    Cli cli = Cli.run("info", "--port", "sim:F407xG", "--sim-rdp", "1");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("Read protection:  ACTIVE (level 1)"), cli.out());
  }

  @Test
  void readWritesIntelHexThatParsesBackToTheErasedFlash() throws Exception {
    Path out = dir.resolve("dump.hex");
    Cli cli = Cli.run("read", "--port", "sim:F103xB", "-a", "0x08000000", "-n", "1K", "-o",
        out.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    byte[] erased = new byte[1024];
    java.util.Arrays.fill(erased, (byte) 0xFF);
    assertEquals(org.romflash.image.FirmwareImage.of(0x08000000L, erased),
        IntelHex.parse(out.toString(), Files.readAllLines(out)));
  }

  @Test
  void anImageLargerThanTheFlashIsRefusedBeforeAnythingIsErased() throws Exception {
    Path big = dir.resolve("big.bin");
    Files.write(big, new byte[130 * 1024]);
    Cli cli = Cli.run("write", big.toString(), "--port", "sim:F103xB");
    assertEquals(6, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("error: image data at 0x08000000-0x080207FF runs past the end of"
        + " the 128 KiB flash (2048 bytes from 0x08020000 on are not flash)"), cli.err());
    assertTrue(cli.err().contains("flash           0x08000000-0x0801FFFF  (128 KiB)"), cli.err());
    assertTrue(cli.err().contains("hint: check that the image was built for this chip"), cli.err());
    assertTrue(!cli.err().contains("erase:"), "nothing may be erased: " + cli.err());
  }

  @Test
  void theFlashSizeRegisterOfASmallerPartLimitsWhatFits() throws Exception {
    Path image = dir.resolve("96k.bin");
    Files.write(image, new byte[96 * 1024]);
    Cli cli = Cli.run("write", image.toString(), "--port", "sim:F103xB", "--sim-flash-size", "64K");
    assertEquals(6, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("error: image data at 0x08000000-0x08017FFF runs past the end of"
        + " the 64 KiB flash (32768 bytes from 0x08010000 on are not flash)"), cli.err());
    assertTrue(cli.err().contains("flash           0x08000000-0x0800FFFF  (64 KiB)"), cli.err());
    assertTrue(!cli.err().contains("erase:"), "nothing may be erased: " + cli.err());
  }

  @Test
  void anImageForAnotherDeviceIsRefused() {
    Cli cli = Cli.run("write", EXAMPLE.toString(), "--port", "sim:F103xB", "--device", "F407xG");
    assertEquals(6, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("error: the chip is STM32F103xB (0x410), not F407xG"), cli.err());
  }

  @Test
  void aHexFileWithABadChecksumIsRefusedWithItsLineNumber() throws Exception {
    Path bad = dir.resolve("bad.hex");
    List<String> lines = Files.readAllLines(EXAMPLE);
    lines.set(2, lines.get(2).substring(0, lines.get(2).length() - 2) + "00");
    Files.write(bad, lines);
    Cli cli = Cli.run("write", bad.toString(), "--port", "sim:F103xB");
    assertEquals(8, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("bad.hex:3: checksum 00 is wrong, the record's bytes give 98"),
        cli.err());
  }

  @Test
  void writingToAReadProtectedChipIsRefusedWithAHintToUnprotect() {
    Cli cli = Cli.run("write", EXAMPLE.toString(), "--port", "sim:F103xB", "--sim-rdp", "1");
    assertEquals(4, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("error: Extended Erase (0x44)") || cli.err().contains(
        "error: Erase (0x43)"), cli.err());
    assertTrue(cli.err().contains("answered NACK at the command stage"), cli.err());
    assertTrue(cli.err().contains("romflash unprotect readout --yes"), cli.err());
  }

  @Test
  void aChipThatNeverAnswersEndsWithTheBoot0Checklist() {
    Cli cli = Cli.run("info", "--port", "sim:F103xB", "--sim-rdp", "2");
    assertEquals(3, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("error: no reply to 0x7F on sim:F103xB"), cli.err());
    assertTrue(cli.err().contains("hint: is BOOT0 high at reset"), cli.err());
  }

  @Test
  void readoutUnprotectWithoutYesChangesNothing() throws Exception {
    try (ServedChip served = ServedChip.of("F103xB")) {
      served.chip().load(0x08000000L, new byte[] {1, 2, 3, 4});
      served.chip().setReadProtectionLevel(1);
      Cli refused = Cli.run("unprotect", "readout", "--port", served.port());
      assertEquals(2, refused.exitCode(), refused.toString());
      assertEquals("error: removing read-out protection mass-erases the chip: every byte of flash"
          + " is lost\nhint: run again with --yes if that is what you want\n", refused.err());
      assertEquals(1, served.chip().readProtectionLevel());
      assertEquals(1, served.chip().peek(0x08000000L, 1).orElseThrow()[0]);
    }
    Cli done = Cli.run("unprotect", "readout", "--yes", "--port", "sim:F103xB", "--sim-rdp", "1");
    assertEquals(0, done.exitCode(), done.toString());
    assertEquals("read-out protection removed; the flash was erased and the chip reset\n",
        done.out());
  }

  @Test
  void verifyOfABlankChipFailsAtTheFirstByte() {
    Cli cli = Cli.run("verify", EXAMPLE.toString(), "--port", "sim:F103xB");
    assertEquals(5, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("error: verify failed at 0x08000000: chip has 0xFF, image has"
        + " 0x00"), cli.err());
  }

  @Test
  void aPortThatDoesNotExistIsALinkFailure() {
    Cli cli = Cli.run("info", "--port", dir.resolve("no-such-tty").toString());
    assertEquals(7, cli.exitCode(), cli.toString());
    assertTrue(cli.err().startsWith("error: " + dir.resolve("no-such-tty")), cli.err());
  }

  @Test
  void aMissingFileArgumentIsAUsageError() {
    Cli cli = Cli.run("write", "--port", "sim:F103xB");
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("Missing required parameter: 'FILE'"), cli.err());
  }

  @Test
  void eraseOfARangeErasesTheSectorsItTouches() {
    Cli cli = Cli.run("erase", "--port", "sim:F407xG", "-a", "0x08003000", "-n", "0x2000");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals("erased 2 units (0 to 1), 0x08000000-0x08007FFF\n", cli.out());
  }

  @Test
  void writeSucceedsThroughDroppedCorruptedAndRefusedBytes() throws Exception {
    byte[] data = new byte[24 * 1024];
    new Random(5).nextBytes(data);
    Path file = dir.resolve("noisy.bin");
    Files.write(file, data);
    Cli cli = Cli.run("write", file.toString(), "--port", "sim:G071xB", "--retries", "6",
        "--sim-faults", "seed=11,drop=0.0002,corrupt=0.0002,nack=0.002");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().matches("wrote 24576 bytes \\(1 segments, .*\\), verified by"
        + " (crc|readback)\n"), cli.out());
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    Cli cli = Cli.run("--help");
    assertEquals(0, cli.exitCode());
    for (String command : List.of("info", "read", "write", "erase", "verify", "go", "unprotect",
        "emulate")) {
      assertTrue(cli.out().contains("  " + command + " "), command + " in " + cli.out());
    }
    assertTrue(cli.out().contains("5 verify failed"), cli.out());
  }

  @Test
  void aRawBinaryGoesToItsAddressAndVerifies() throws Exception {
    byte[] data = new byte[300];
    new Random(3).nextBytes(data);
    Path file = dir.resolve("app.bin");
    Files.write(file, data);
    Cli cli = Cli.run("write", file.toString(), "--address", "0x08010000", "--port",
        "sim:H743xI");
    assertEquals(0, cli.exitCode(), cli.toString());
    // The chip's CRC of the 128 KiB sector (RAM routine: H7's bootloader has no Get Checksum)
    // shows it blank, so it is written without the erase.
    assertEquals("wrote 300 bytes (1 segments, 0 units erased, 1 already blank), verified by"
        + " readback\n", cli.out());
  }
}
