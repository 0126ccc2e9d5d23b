package org.romflash.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Frames are checked byte for byte against the layouts of AN3155. */
class FramesTest {

  private static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  @Test
  void addressFrameOfFlashBaseIsFourBytesMostSignificantFirstThenTheirXor() {
    assertArrayEquals(hex("08 00 00 00 08"), Frames.address(0x08000000L));
  }

  @Test
  void addressFrameOfAnAddressWithAllBytesSetHasTheXorOfAllFour() {
    assertArrayEquals(hex("12 34 56 78 08"), Frames.address(0x12345678L));
    assertArrayEquals(hex("FF FF FF FF 00"), Frames.address(0xFFFFFFFFL));
  }

  @Test
  void readLengthOf256IsFFThenItsComplement() {
    assertArrayEquals(hex("FF 00"), Frames.readLength(256));
  }

  @Test
  void readLengthOfOneIsZeroThenItsComplement() {
    assertArrayEquals(hex("00 FF"), Frames.readLength(1));
  }

  @Test
  void readLengthOutside1To256IsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Frames.readLength(0));
    assertThrows(IllegalArgumentException.class, () -> Frames.readLength(257));
  }

  @Test
  void writeDataOfFourBytesIsCountMinusOneTheBytesAndTheXorOfAll() {
    assertArrayEquals(hex("03 01 02 03 04 07"), Frames.writeData(hex("01 02 03 04")));
  }

  @Test
  void writeDataOf256BytesStartsWithFF() {
    byte[] frame = Frames.writeData(new byte[256]);
    assertEquals(258, frame.length);
    assertEquals((byte) 0xFF, frame[0]);
    assertEquals((byte) 0xFF, frame[257]);
  }

  @Test
  void writeDataOfZeroOr257BytesIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Frames.writeData(new byte[0]));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Frames.writeData(new byte[257]));
    assertEquals("write length 257 is outside 1..256", e.getMessage());
  }

  @Test
  void erasePagesZeroOneTwoIsCountMinusOneThePagesAndTheirXor() {
    assertArrayEquals(hex("02 00 01 02 01"), Frames.erasePages(List.of(0, 1, 2)));
  }

  @Test
  void erasePagesRefusesPage256AndPageCountsOfZeroOr256() {
    assertThrows(IllegalArgumentException.class, () -> Frames.erasePages(List.of(256)));
    assertThrows(IllegalArgumentException.class, () -> Frames.erasePages(List.of(-1)));
    assertThrows(IllegalArgumentException.class, () -> Frames.erasePages(List.of()));
    List<Integer> pages256 = IntStream.range(0, 256).boxed().toList();
    assertThrows(IllegalArgumentException.class, () -> Frames.erasePages(pages256));
  }

  @Test
  void erasePagesAccepts255Pages() {
    List<Integer> pages = IntStream.range(0, 255).boxed().toList();
    byte[] frame = Frames.erasePages(pages);
    assertEquals(257, frame.length);
    assertEquals((byte) 0xFE, frame[0]);
  }

  @Test
  void globalEraseIsFFThen00() {
    assertArrayEquals(hex("FF 00"), Frames.eraseGlobal());
  }

  @Test
  void extendedEraseSpecialCodesAreTheCodeThenTheXorOfItsBytes() {
    assertArrayEquals(hex("FF FF 00"), Frames.extendedEraseSpecial(0xFFFF));
    assertArrayEquals(hex("FF FE 01"), Frames.extendedEraseSpecial(0xFFFE));
    assertArrayEquals(hex("FF FD 02"), Frames.extendedEraseSpecial(0xFFFD));
  }

  @Test
  void extendedErasePagesFourAndFiveAreTwoByteCountTwoBytePagesAndXor() {
    assertArrayEquals(hex("00 01 00 04 00 05 00"), Frames.extendedErasePages(List.of(4, 5)));
  }

  @Test
  void extendedErasePagesWritesPageNumbersAbove255OnTwoBytes() {
    assertArrayEquals(hex("00 00 01 2C 2D"), Frames.extendedErasePages(List.of(300)));
  }

  @Test
  void extendedErasePagesRefusesSpecialCodesAsPageNumbersAndEmptyLists() {
    assertThrows(IllegalArgumentException.class, () -> Frames.extendedErasePages(List.of(0xFFF0)));
    assertThrows(IllegalArgumentException.class, () -> Frames.extendedErasePages(List.of()));
    List<Integer> tooMany = Collections.nCopies(0xFFF1, 0);
    assertThrows(IllegalArgumentException.class, () -> Frames.extendedErasePages(tooMany));
  }

  @Test
  void sectorListHasTheLayoutOfAnErasePageList() {
    assertArrayEquals(hex("01 03 07 05"), Frames.sectorList(List.of(3, 7)));
  }

  @Test
  void getIntReadsFourBytesBigEndianUnsigned() {
    assertEquals(0xFFFFFFFEL, Frames.getInt(hex("00 FF FF FF FE"), 1));
  }

  @Property
  void everyWriteDataFrameXorsToZero(@ForAll @Size(min = 1, max = 256) byte[] data) {
    byte[] frame = Frames.writeData(data);
    assertEquals(data.length + 2, frame.length);
    assertEquals(0, Frames.xor(frame, 0, frame.length));
  }
}
