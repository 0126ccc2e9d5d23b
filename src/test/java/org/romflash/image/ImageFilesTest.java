package org.romflash.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageFilesTest {
  private static final String EOF = ":00000001FF";
  private static final String DATA_01020304 = ":0400000001020304F2";
  private static final FirmwareImage SPARSE = FirmwareImage.builder()
      .add(0x08000000L, hex("0102")).add(0x08000010L, hex("03")).build();

  private static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "7F454C4601, ELF", "3A3030, HEX", "0D0A20093A, HEX", "5331, SREC", "0A2053390D, SREC",
      "53, BIN", "5358, BIN", "7331, BIN", "7F454C, BIN", "00, BIN", "20, BIN", "FF3A, BIN"})
  void theFormatIsDetectedFromTheContent(String content, ImageFormat format) {
    assertEquals(format, ImageFormat.of(hex(content)));
  }

  @ParameterizedTest(name = "{0} is written as {1}")
  @CsvSource({
      "fw.hex, HEX", "fw.IHEX, HEX", "fw.srec, SREC", "fw.s19, SREC", "fw.s28, SREC",
      "fw.S37, SREC", "fw.mot, SREC", "dir.d/fw.bin, BIN"})
  void theOutputFormatComesFromTheExtension(String name, ImageFormat format) {
    assertEquals(format, ImageFiles.forOutput(Path.of(name), null));
  }

  @Test
  void anOverrideWinsOverTheExtension() {
    assertEquals(ImageFormat.SREC, ImageFiles.forOutput(Path.of("fw.hex"), ImageFormat.SREC));
    assertEquals(ImageFormat.BIN, ImageFiles.forOutput(Path.of("firmware"), ImageFormat.BIN));
  }

  @Test
  void anUnknownExtensionIsRefusedListingTheKnownOnes() {
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> ImageFiles.forOutput(Path.of("fw.txt"), null));
    assertEquals("fw.txt: cannot tell the output format from the file name: end it in .hex, .srec"
        + " (or .s19, .s28, .s37, .mot) or .bin, or name the format", e.getMessage());
    assertThrows(ImageFormatException.class, () -> ImageFiles.forOutput(Path.of("hex"), null));
  }

  @Test
  void elfIsNotWritableByExtensionOrByOverride() {
    String message = "fw.elf: romflash does not write ELF files: write .hex or .srec (they keep gaps"
        + " and the start address) or .bin";
    assertEquals(message, assertThrows(ImageFormatException.class,
        () -> ImageFiles.forOutput(Path.of("fw.elf"), null)).getMessage());
    assertEquals(message, assertThrows(ImageFormatException.class,
        () -> ImageFiles.forOutput(Path.of("fw.elf"), ImageFormat.ELF)).getMessage());
  }

  @Test
  void aGivenFormatOverridesDetection(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("looks-like.hex");
    Files.writeString(file, EOF + "\n");
    assertEquals(FirmwareImage.of(0x100, EOF.concat("\n").getBytes(StandardCharsets.US_ASCII)),
        ImageFiles.read(file, ImageFormat.BIN, 0x100));
  }

  @Test
  void aTextFileForcedToElfIsRefusedAsNotElf(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("fw.elf");
    Files.writeString(file, EOF + "\n");
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> ImageFiles.read(file, ImageFormat.ELF, 0));
    assertEquals(file + ": not an ELF file (it does not start with 7F 'E' 'L' 'F')", e.getMessage());
  }

  @Test
  void hexIsWrittenWithNewlinesAndEndsWithTheEndOfFileRecord(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.hex");
    ImageFiles.write(file, SPARSE, null);
    assertEquals(":020000040800F2\n:020000000102FB\n:0100100003EC\n:00000001FF\n",
        Files.readString(file));
  }

  @Test
  void aBinaryOfOnePartIsItsBytes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.bin");
    ImageFiles.write(file, FirmwareImage.of(0x08000000L, hex("0102FF")), null);
    assertArrayEquals(hex("0102FF"), Files.readAllBytes(file));
  }

  @Test
  void aBinaryOfASparseImageIsRefusedNamingTheGapAndLeavesTheOldFile(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("out.bin");
    Files.writeString(file, "old");
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> ImageFiles.write(file, SPARSE, ImageFormat.BIN));
    assertEquals(file + ": a binary file cannot hold the gap at 0x08000002-0x0800000F (the image"
        + " has 2 separate parts): write .hex or .srec instead", e.getMessage());
    assertEquals(List.of(file), list(dir));
    assertEquals("old", Files.readString(file));
  }

  @Test
  void anEmptyImageIsNotWrittenAsBinary(@TempDir Path dir) {
    Path file = dir.resolve("out.bin");
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> ImageFiles.write(file, FirmwareImage.builder().build(), null));
    assertEquals(file + ": the image is empty: nothing to write", e.getMessage());
  }

  @Test
  void aWriteThatCannotBeMovedIntoPlaceLeavesNoTemporaryFileBehind(@TempDir Path dir)
      throws IOException {
    Path target = dir.resolve("out.hex");
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep"), "a directory that is not empty cannot be replaced");
    assertThrows(IOException.class, () -> ImageFiles.write(target, SPARSE, null));
    assertEquals(List.of(target), list(dir));
  }

  @Test
  void writingReplacesAnExistingFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.srec");
    Files.writeString(file, "old content that is longer than the new one".repeat(10));
    ImageFiles.write(file, SPARSE, null);
    assertEquals(SPARSE, ImageFiles.read(file, 0));
    assertEquals(List.of(file), list(dir));
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void aFileWhoseFirstNonBlankCharacterIsAColonIsReadAsHex(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("fw.hex");
    Files.writeString(file, "\r\n  :020000040800f2\r\n" + DATA_01020304 + "\r\n" + EOF + "\r\n");
    assertEquals(FirmwareImage.of(0x08000000L, hex("01020304")), ImageFiles.read(file, 0));
  }

  @Test
  void aHexFileWithAFaultIsReportedWithItsPathAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("fw.hex");
    Files.writeString(file, DATA_01020304 + "\n:00000001FE\n");
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> ImageFiles.read(file, 0));
    assertEquals(file + ":2: checksum FE is wrong, the record's bytes give FF", e.getMessage());
  }

  @Test
  void anyOtherFileIsBinaryAtTheGivenBase(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("fw.bin");
    Files.write(file, " \n0:".getBytes(StandardCharsets.US_ASCII));
    assertEquals(FirmwareImage.of(0x08004000L, hex("200A303A")), ImageFiles.read(file, 0x08004000L));
  }

  @Test
  void anEmptyFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("empty.bin");
    Files.write(file, new byte[0]);
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> ImageFiles.read(file, 0x08000000L));
    assertEquals(file + ": the file is empty", e.getMessage());
  }
}
