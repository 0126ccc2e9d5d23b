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

  private Path optionByteHex(boolean withCode) throws Exception {
    FirmwareImage.Builder image = FirmwareImage.builder()
        .add(0x1FFFF800L, new byte[] {(byte) 0xA5, 0x5A, (byte) 0xFF, 0x00});
    if (withCode) {
      image.add(0x08000000L, new byte[] {1, 2, 3, 4});
    }
    Path file = dir.resolve(withCode ? "with-options.hex" : "options-only.hex");
    ImageFiles.write(file, image.build(), ImageFormat.HEX);
    return file;
  }

  @Test
  void optionBytesInAnImageAreRefusedUnlessSkipped() throws Exception {
    Path hex = optionByteHex(true);
    Cli refused = Cli.run("write", hex.toString());
    assertEquals(6, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("error: image data at 0x1FFFF800-0x1FFFF803 lies in the option"
        + " bytes, which are never written from an image\n"), refused.err());
    assertTrue(refused.err().endsWith("hint: write the rest with --skip-option-bytes; change option"
        + " bytes with 'romflash option-bytes set'\n"), refused.err());
    assertFalse(refused.err().contains("erase:"), refused.err());

    Cli skipped = Cli.run("write", hex.toString(), "--skip-option-bytes");
    assertEquals(0, skipped.exitCode(), skipped.toString());
    assertEquals("skipped 4 bytes of option-byte data at 0x1FFFF800 (--skip-option-bytes)\n"
        + "wrote 4 bytes (1 segments, 1 units erased), verified by readback\n", skipped.out());
  }

  @Test
  void anImageOfNothingButOptionBytesHasNothingToWrite() throws Exception {
    Path hex = optionByteHex(false);
    Cli cli = Cli.run("write", hex.toString(), "--skip-option-bytes");
    assertEquals(8, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("error: " + hex + ": holds nothing but option-byte data, which"
        + " --skip-option-bytes leaves out: there is nothing to write\n"), cli.err());
  }

  @Test
  void aHexFileWithNoDataIsRefused() throws Exception {
    Path empty = dir.resolve("empty.hex");
    Files.writeString(empty, ":00000001FF\n");
    Cli cli = Cli.run("write", empty.toString());
    assertEquals(8, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("error: " + empty + ": holds no data to write\n"), cli.err());
  }
}
