package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;
import org.romflash.image.ImageFormat;

/**
 * Debian's srec_cat, an independent reader, converts our Intel HEX and S-record output to a
 * binary of the 8 KiB window at 0x08000000, gaps filled with 0xFF; it must hold exactly the bytes
 * of our image. A checksum, count or address we get wrong makes srec_cat refuse or misplace data.
 */
class SrecCatOracleTest {
  private static final long WINDOW = 0x08000000L;
  private static final int WINDOW_SIZE = 0x2000;

  @TempDir Path dir;

  @BeforeEach
  void peer() {
    Peers.require("srec_cat");
  }

  static Stream<Arguments> images() {
    List<Arguments> images = new ArrayList<>();
    images.add(Arguments.of("one byte", FirmwareImage.of(WINDOW + 0x10, new byte[] {0x5A})));
    images.add(Arguments.of("two parts and a start address", FirmwareImage.builder()
        .add(WINDOW, HexFormat.of().parseHex("0050002009000008"))
        .add(WINDOW + 0x1800, HexFormat.of().parseHex("0DF0A55A"))
        .startAddress(WINDOW + 9).build()));
    Random random = new Random(0x5EC0CA7L);
    for (int n = 0; n < 6; n++) {
      FirmwareImage.Builder builder = FirmwareImage.builder();
      long address = WINDOW + random.nextInt(0x100);
      for (int part = 0; part < 1 + random.nextInt(5); part++) {
        byte[] data = new byte[1 + random.nextInt(700)];
        random.nextBytes(data);
        builder.add(address, data);
        address += data.length + 1 + random.nextInt(500);
      }
      images.add(Arguments.of("random sparse image " + n, builder.build()));
    }
    return images.stream();
  }

  @ParameterizedTest(name = "{0} as HEX")
  @MethodSource("images")
  void srecCatReadsOurHexAsTheImage(String what, FirmwareImage image) throws Exception {
    assertEquals(expected(image), srecCat(image, ImageFormat.HEX, "-intel"));
  }

  @ParameterizedTest(name = "{0} as S-records")
  @MethodSource("images")
  void srecCatReadsOurSRecordsAsTheImage(String what, FirmwareImage image) throws Exception {
    assertEquals(expected(image), srecCat(image, ImageFormat.SREC, "-motorola"));
  }

  private static String expected(FirmwareImage image) {
    byte[] window = new byte[WINDOW_SIZE];
    image.copyRange(WINDOW, window, 0xFF);
    return HexFormat.of().formatHex(window);
  }

  private String srecCat(FirmwareImage image, ImageFormat format, String option) throws Exception {
    Path input = dir.resolve("image." + format.name().toLowerCase(java.util.Locale.ROOT));
    Path output = dir.resolve("window.bin");
    ImageFiles.write(input, image, format);
    Peers.Result result = Peers.run(List.of("srec_cat", input.toString(), option,
        "-offset", "-0x08000000", "-fill", "0xFF", "0", "0x" + Integer.toHexString(WINDOW_SIZE),
        "-o", output.toString(), "-binary"), 30);
    assertEquals(new Peers.Result(0, ""), result);
    return HexFormat.of().formatHex(Files.readAllBytes(output));
  }
}
