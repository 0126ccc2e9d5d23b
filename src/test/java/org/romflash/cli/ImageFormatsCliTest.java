package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;
import org.romflash.image.ImageFormat;

/** {@code write} takes every format a toolchain makes; {@code read} writes HEX, S-record or bin. */
class ImageFormatsCliTest {
  private static final Path FORMATS = Path.of(System.getProperty("romflash.projectDir", "."),
      "src", "test", "resources", "formats");

  @TempDir Path dir;

  @Test
  void theSameFirmwareAsElfSrecordAndHexWritesTheSameBytes() throws Exception {
    FirmwareImage expected = ImageFiles.read(FORMATS.resolve("firmware.hex"), null, 0);
    for (String name : new String[] {"firmware.elf", "firmware.srec", "firmware.hex"}) {
      Cli cli = Cli.run("write", FORMATS.resolve(name).toString(), "--port", "sim:F103xB");
      assertEquals(0, cli.exitCode(), cli.toString());
      assertEquals("wrote " + expected.size() + " bytes (2 segments, 2 units erased), verified by"
          + " readback\n", cli.out(), name);
    }
  }

  @Test
  void formatOverridesTheGuessFromContent() throws Exception {
    Path looksLikeHex = dir.resolve("colon.bin");
    Files.write(looksLikeHex, new byte[] {':', '1', '2', '3'});
    Cli guessed = Cli.run("write", looksLikeHex.toString());
    assertEquals(8, guessed.exitCode(), guessed.toString());
    Cli told = Cli.run("write", looksLikeHex.toString(), "--format", "bin");
    assertEquals(0, told.exitCode(), told.toString());
    assertEquals("wrote 4 bytes (1 segments, 1 units erased), verified by readback\n", told.out());
  }

  @Test
  void readWritesSrecordByExtensionAndHexByFormat() throws Exception {
    Path srec = dir.resolve("dump.s37");
    Cli bySuffix = Cli.run("read", "-n", "512", "-o", srec.toString());
    assertEquals(0, bySuffix.exitCode(), bySuffix.toString());
    assertTrue(Files.readString(srec).startsWith("S0"), "S-records");
    assertEquals(ImageFormat.SREC, ImageFormat.of(Files.readAllBytes(srec)));
    byte[] erased = new byte[512];
    java.util.Arrays.fill(erased, (byte) 0xFF);
    assertEquals(FirmwareImage.of(0x08000000L, erased), ImageFiles.read(srec, null, 0));

    Path named = dir.resolve("dump.txt");
    Cli byOption = Cli.run("read", "-n", "512", "-o", named.toString(), "--format", "hex");
    assertEquals(0, byOption.exitCode(), byOption.toString());
    assertEquals(ImageFormat.HEX, ImageFormat.of(Files.readAllBytes(named)));
  }

  @Test
  void anOutputNameWithoutAKnownExtensionIsAUsageErrorBeforeTheChipIsTouched() {
    Path named = dir.resolve("dump.txt");
    Cli cli = Cli.run("read", "-n", "512", "-o", named.toString());
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().startsWith(named + ": cannot tell the output format from the file name:"
        + " end it in .hex, .srec (or .s19, .s28, .s37, .mot) or .bin, or name the format\n"),
        cli.err());
    assertFalse(cli.err().contains("note: using the built-in emulated chip"), cli.err());
    assertFalse(Files.exists(named));
  }

  @Test
  void anElfForAnotherMachineIsRefusedNamingTheMachine() {
    Path elf = FORMATS.resolve("../malformed/elf-wrong-machine-x86-64.elf").normalize();
    Cli cli = Cli.run("write", elf.toString());
    assertEquals(8, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("x86-64"), cli.err());
  }
}
