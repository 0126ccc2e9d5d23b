package org.romflash.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntelHexTest {
  private static final String EOF = ":00000001FF";
  private static final String DATA_01020304 = ":0400000001020304F2";

  private static FirmwareImage parse(String... lines) {
    return IntelHex.parse("test.hex", List.of(lines));
  }

  private static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits);
  }

  @Test
  void extendedLinearAddressRecordSetsTheUpperSixteenBits() {
    assertEquals(FirmwareImage.of(0x08000000L, hex("01020304")),
        parse(":020000040800F2", DATA_01020304, EOF));
  }

  @Test
  void extendedSegmentAddressRecordAddsTheSegmentTimesSixteen() {
    assertEquals(FirmwareImage.of(0x10010L, hex("AABB")),
        parse(":020000021000EC", ":02001000AABB89", EOF));
  }

  @Test
  void startSegmentAddressRecordGivesCsTimesSixteenPlusIp() {
    assertEquals(OptionalLong.of(0x1234 * 16 + 0x5678), parse(":0400000312345678E5", EOF)
        .startAddress());
  }

  @Test
  void startLinearAddressRecordGivesTheEntryPoint() {
    FirmwareImage image = parse(DATA_01020304, ":0400000508000131BD", EOF);
    assertEquals(FirmwareImage.builder().add(0, hex("01020304")).startAddress(0x08000131L).build(),
        image);
  }

  @Test
  void lowerCaseHexAndTrailingCarriageReturnsAreAccepted() {
    assertEquals(FirmwareImage.of(0x08000000L, hex("01020304")),
        parse(":020000040800f2\r", ":0400000001020304f2\r", ":00000001ff\r"));
  }

  @Test
  void twoRecordsAtAdjacentAddressesMergeIntoOneSegment() {
    assertEquals(List.of(new Segment(0, hex("0102030405060708"))),
        parse(DATA_01020304, ":0400040005060708DE", EOF).segments());
  }

  @Test
  void aGapBetweenRecordsStaysAGap() {
    assertEquals(List.of(new Segment(0, hex("01020304")), new Segment(8, hex("05060708"))),
        parse(DATA_01020304, ":0400080005060708DA", EOF).segments());
  }

  @Test
  void dataEndingExactlyAtTheFourGibibyteLimitIsAccepted() {
    FirmwareImage image = parse(":02000004FFFFFC",
        ":10FFF0000000000000000000000000000000000001", EOF);
    assertEquals(FirmwareImage.of(0xFFFFFFF0L, new byte[16]), image);
  }

  @Test
  void writerSplitsRecordsAtSixtyFourKibibyteBoundariesWithNewUpperAddresses() {
    FirmwareImage image = FirmwareImage.of(0x0800FFF8L, hex("000102030405060708090A0B0C0D0E0F"));
    assertEquals(List.of(":020000040800F2", ":08FFF8000001020304050607E5", ":020000040801F1",
        ":0800000008090A0B0C0D0E0F9C", EOF), IntelHexWriter.lines(image));
  }

  static Stream<Arguments> malformed() {
    String past4g = ":20FFF000" + "00".repeat(32) + "F1";
    return Stream.of(
        bad("bad checksum", ":020000040800F2\n:0400000001020304F1\n" + EOF,
            "2: checksum F1 is wrong, the record's bytes give F2"),
        bad("bad checksum on the EOF record", ":00000001FE",
            "1: checksum FE is wrong, the record's bytes give FF"),
        bad("odd digit count", ":0400000001020304F\n" + EOF, "1: odd number of hex digits"),
        bad("non-hex digit", ":04000000010203G4F2\n" + EOF, "1: not a hex digit in the record"),
        bad("0x prefix", ":0x00000001FF", "1: not a hex digit in the record"),
        bad("missing colon", DATA_01020304 + "\n0400000001020304F2\n" + EOF,
            "2: record does not start with ':'"),
        bad("byte count too large", ":0500000001020304F1\n" + EOF,
            "1: byte count says 5 data bytes but the record has 4"),
        bad("byte count too small", ":0300000001020304F3\n" + EOF,
            "1: byte count says 3 data bytes but the record has 4"),
        bad("record type 06", ":00000006FA\n" + EOF, "1: unknown record type 06 (known: 00 to 05)"),
        bad("type 04 with one byte", ":0100000408F3\n" + EOF,
            "1: extended linear address record must have 2 data bytes, not 1"),
        bad("type 05 with three bytes", ":03000005080001EF\n" + EOF,
            "1: start linear address record must have 4 data bytes, not 3"),
        bad("type 02 with three bytes", ":03000002020000F9\n" + EOF,
            "1: extended segment address record must have 2 data bytes, not 3"),
        bad("type 03 with two bytes", ":020000030000FB\n" + EOF,
            "1: start segment address record must have 4 data bytes, not 2"),
        bad("overlapping data", ":020000040800F2\n" + DATA_01020304 + "\n:04000200AABBCCDDEC\n" + EOF,
            " data overlaps at 0x08000002-0x08000003"),
        bad("data after EOF", EOF + "\n" + DATA_01020304, "2: data after the end-of-file record"),
        bad("second EOF after blank lines", EOF + "\n\n" + EOF,
            "3: data after the end-of-file record"),
        bad("missing EOF", DATA_01020304, " no end-of-file record (:00000001FF): is the file"
            + " truncated?"),
        bad("no lines at all", "", " no end-of-file record (:00000001FF): is the file truncated?"),
        bad("record too short", ":00\n" + EOF, "1: record too short"),
        bad("colon alone", ":\n" + EOF, "1: record too short"),
        bad("data past 4 GiB", ":02000004FFFFFC\n" + past4g + "\n" + EOF,
            "2: data runs past the 4 GiB address limit"),
        bad("spaces then garbage", "\n" + DATA_01020304 + "\n   \n   garbage\n" + EOF,
            "4: record does not start with ':'"));
  }

  private static Arguments bad(String what, String text, String lineAndFault) {
    return Arguments.of(what, text, "bad.hex:" + lineAndFault);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedFileIsRefusedNamingFileLineAndFault(String what, String text, String message) {
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> IntelHex.parse("bad.hex", text.lines().toList()));
    assertEquals(message, e.getMessage());
  }

  @Provide
  Arbitrary<FirmwareImage> sparseImages() {
    Arbitrary<Long> gap = Arbitraries.oneOf(List.of(Arbitraries.longs().between(0, 0x40),
        Arbitraries.longs().between(0, 0x20000), Arbitraries.longs().between(0, 0x0200_0000)));
    Arbitrary<Long> first = Arbitraries.oneOf(List.of(Arbitraries.longs().between(0xFF00, 0x10100),
        Arbitraries.longs().between(0, 0xF000_0000L)));
    Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
    Arbitrary<List<Piece>> pieces = Combinators.combine(gap, data).as(Piece::new).list()
        .ofMinSize(1).ofMaxSize(5);
    Arbitrary<Optional<Long>> entry = Arbitraries.longs().between(0, 0xFFFF_FFFFL).optional();
    return Combinators.combine(first, pieces, entry).as((start, parts, go) -> {
      FirmwareImage.Builder builder = FirmwareImage.builder();
      long address = start;
      for (Piece p : parts) {
        address += p.gap();
        builder.add(address, p.data());
        address += p.data().length;
      }
      go.ifPresent(builder::startAddress);
      return builder.build();
    });
  }

  record Piece(long gap, byte[] data) {}

  @Property
  void anySparseImageWrittenAsHexParsesBackEqual(@ForAll("sparseImages") FirmwareImage image) {
    assertEquals(image, IntelHex.parse("round.hex", IntelHexWriter.lines(image)));
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
