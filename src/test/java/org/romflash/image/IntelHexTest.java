package org.romflash.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

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
}
