package org.romflash.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SRecordTest {
  private static FirmwareImage parse(String... lines) {
    return SRecord.parse("test.srec", List.of(lines));
  }

  private static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits);
  }

  @Test
  void s1RecordsCarrySixteenBitAddressesAndS9TheirStartAddress() {
    assertEquals(FirmwareImage.builder().add(0x1234, hex("0102")).startAddress(0x1235).build(),
        parse("S0030000FC", "S10512340102B1", "S9031235B5"));
  }

  @Test
  void s2RecordsCarryTwentyFourBitAddressesAndS8TheirStartAddress() {
    assertEquals(FirmwareImage.builder().add(0x123456, hex("AB")).startAddress(0x123457).build(),
        parse("S205123456ABB3", "S8041234575E"));
  }

  @Test
  void s3RecordsCarryThirtyTwoBitAddressesAndS7TheirStartAddress() {
    assertEquals(FirmwareImage.builder().add(0x08000000L, hex("01020304")).startAddress(0x08000009L)
        .build(), parse("S3090800000001020304E4", "S70508000009E9"));
  }

  @Test
  void aStartAddressOfZeroMeansTheFileNamesNone() {
    assertEquals(OptionalLong.empty(), parse("S3060800000001F0", "S70500000000FA").startAddress());
  }

  @Test
  void aCorrectS5CountIsAcceptedAndDataAroundItIsKept() {
    assertEquals(FirmwareImage.of(0x1000, hex("0102")),
        parse("S104100001EA", "S104100102E8", "S5030002FA", "S9030000FC"));
  }

  @Test
  void lowerCaseHexCarriageReturnsAndBlankLinesAreAccepted() {
    assertEquals(FirmwareImage.of(0x08000000L, hex("ABCD")),
        parse("S30708000000abcd78\r", "", "  ", "S70500000000fa\r"));
  }

  @Test
  void dataEndingExactlyAtTheFourGibibyteLimitIsAccepted() {
    assertEquals(FirmwareImage.of(0xFFFFFFFCL, hex("01020304")),
        parse("S309FFFFFFFC01020304F3", "S70500000000FA"));
  }

  @Test
  void recordsAtAdjacentAddressesMergeAndAGapStaysAGap() {
    assertEquals(List.of(new Segment(0x1000, hex("0102")), new Segment(0x1010, hex("03"))),
        parse("S104100001EA", "S104100102E8", "S104101003D8", "S9030000FC").segments());
  }

  @Test
  void writerGivesHeaderS3RecordsOfThirtyTwoBytesCountAndStart() {
    byte[] data = new byte[33];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    FirmwareImage image = FirmwareImage.builder().add(0x08000000L, data)
        .add(0x08001000L, hex("AA")).startAddress(0x08000101L).build();
    assertEquals(List.of(
        "S00B0000726F6D666C61736898",
        "S32508000000000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1FE2",
        "S3060800002020B1",
        "S30608001000AA37",
        "S5030003F9",
        "S70508000101F0"), SRecordWriter.lines(image));
  }

  @Test
  void writerGivesStartAddressZeroWhenTheImageHasNone() {
    assertEquals(List.of("S00B0000726F6D666C61736898", "S5030000FC", "S70500000000FA"),
        SRecordWriter.lines(FirmwareImage.builder().build()));
  }

  @Test
  void writerSwitchesToAnS6CountPastSixtyFiveThousandFiveHundredAndThirtyFiveRecords() {
    List<String> lines = SRecordWriter.lines(FirmwareImage.of(0, new byte[32 * 0x10000]));
    assertEquals(List.of("S604010000FA", "S70500000000FA"),
        lines.subList(lines.size() - 2, lines.size()));
  }
}
