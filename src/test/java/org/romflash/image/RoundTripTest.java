package org.romflash.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever romflash writes, it reads back as the same image, in every writable format. */
class RoundTripTest {
  private static Path dir;

  @BeforeContainer
  static void makeDirectory() throws IOException {
    dir = Files.createTempDirectory("romflash-roundtrip");
  }

  @AfterContainer
  static void removeDirectory() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
  }

  @Provide
  Arbitrary<FirmwareImage> sparseImages() {
    return SparseImages.any(0);
  }

  /** S-records cannot tell a start address of 0 from none (see {@link SRecord}). */
  @Provide
  Arbitrary<FirmwareImage> sparseImagesNotStartingAtZero() {
    return SparseImages.any(1);
  }

  @Provide
  Arbitrary<FirmwareImage> contiguousImages() {
    return SparseImages.contiguous();
  }

  @Property
  void anySparseImageWrittenAsHexReadsBackEqual(@ForAll("sparseImages") FirmwareImage image)
      throws IOException {
    assertEquals(image, writeAndRead(image, "any.hex", null, 0));
  }

  @Property
  void anySparseImageWrittenAsSRecordsReadsBackEqual(
      @ForAll("sparseImagesNotStartingAtZero") FirmwareImage image) throws IOException {
    assertEquals(image, writeAndRead(image, "any.srec", null, 0));
  }

  /** Read as BIN explicitly: random bytes may well start with ':' or 'S1' and look like text. */
  @Property
  void anyContiguousImageWrittenAsBinaryReadsBackEqualAtItsAddress(
      @ForAll("contiguousImages") FirmwareImage image) throws IOException {
    assertEquals(image, writeAndRead(image, "any.bin", ImageFormat.BIN, image.lowestAddress()));
  }

  private static FirmwareImage writeAndRead(FirmwareImage image, String name, ImageFormat format,
      long base) throws IOException {
    Path file = dir.resolve(name);
    ImageFiles.write(file, image, null);
    return ImageFiles.read(file, format, base);
  }
}
