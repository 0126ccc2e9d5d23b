package org.romflash.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FirmwareImageTest {

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void builderSortsSegmentsByAddress() {
    FirmwareImage image = FirmwareImage.builder()
        .add(0x200, bytes(2)).add(0x100, bytes(1)).add(0x300, bytes(3)).build();
    assertEquals(List.of(new Segment(0x100, bytes(1)), new Segment(0x200, bytes(2)),
        new Segment(0x300, bytes(3))), image.segments());
  }

  @Test
  void builderMergesAdjacentSegmentsAddedInAnyOrder() {
    FirmwareImage image = FirmwareImage.builder()
        .add(0x104, bytes(5)).add(0x100, bytes(1, 2)).add(0x102, bytes(3, 4)).build();
    assertEquals(List.of(new Segment(0x100, bytes(1, 2, 3, 4, 5))), image.segments());
  }

  @Test
  void aGapOfOneByteKeepsTwoSegments() {
    FirmwareImage image = FirmwareImage.builder().add(0x100, bytes(1)).add(0x102, bytes(2)).build();
    assertEquals(List.of(new Segment(0x100, bytes(1)), new Segment(0x102, bytes(2))),
        image.segments());
  }

  @Test
  void partialOverlapIsRefusedWithTheOverlappingRange() {
    FirmwareImage.Builder builder = FirmwareImage.builder()
        .add(0x100, new byte[4]).add(0x102, new byte[4]);
    FirmwareImage.OverlapException e =
        assertThrows(FirmwareImage.OverlapException.class, builder::build);
    assertEquals(0x102, e.from());
    assertEquals(0x104, e.to());
    assertEquals("data overlaps at 0x00000102-0x00000103", e.getMessage());
  }

  @Test
  void aSegmentInsideAnotherIsRefusedWithItsOwnRange() {
    FirmwareImage.Builder builder = FirmwareImage.builder()
        .add(0x104, new byte[2]).add(0x100, new byte[16]);
    FirmwareImage.OverlapException e =
        assertThrows(FirmwareImage.OverlapException.class, builder::build);
    assertEquals(0x104, e.from());
    assertEquals(0x106, e.to());
  }

  @Test
  void emptyPiecesAreIgnored() {
    FirmwareImage image = FirmwareImage.builder().add(0x100, new byte[0]).build();
    assertTrue(image.isEmpty());
    assertEquals(0, image.size());
  }

  @Test
  void sizeCountsDataNotGapsAndEndpointsSpanTheImage() {
    FirmwareImage image = FirmwareImage.builder()
        .add(0x1000, new byte[10]).add(0x2000, new byte[6]).build();
    assertEquals(16, image.size());
    assertEquals(0x1000, image.lowestAddress());
    assertEquals(0x2006, image.endAddress());
  }

  @Test
  void copyRangeFillsGapsWithTheFillByteAndSaysDataWasThere() {
    FirmwareImage image = FirmwareImage.builder()
        .add(0x100, bytes(1, 2)).add(0x104, bytes(5)).build();
    byte[] into = new byte[8];
    assertTrue(image.copyRange(0xFE, into, 0xFF));
    assertArrayEquals(bytes(0xFF, 0xFF, 1, 2, 0xFF, 0xFF, 5, 0xFF), into);
  }

  @Test
  void copyRangeOfAGapIsAllFillAndSaysNoDataWasThere() {
    FirmwareImage image = FirmwareImage.builder()
        .add(0x100, bytes(1, 2)).add(0x104, bytes(5)).build();
    byte[] into = bytes(9, 9);
    assertFalse(image.copyRange(0x102, into, 0xEE));
    assertArrayEquals(bytes(0xEE, 0xEE), into);
  }

  @Test
  void copyRangeCutsASegmentLongerThanTheRange() {
    FirmwareImage image = FirmwareImage.of(0x100, bytes(1, 2, 3, 4, 5, 6));
    byte[] into = new byte[3];
    assertTrue(image.copyRange(0x102, into, 0));
    assertArrayEquals(bytes(3, 4, 5), into);
  }

  @Test
  void mutatingTheArrayPassedToASegmentDoesNotChangeIt() {
    byte[] data = bytes(1, 2, 3);
    Segment segment = new Segment(0x100, data);
    data[0] = 99;
    assertArrayEquals(bytes(1, 2, 3), segment.data());
  }

  @Test
  void mutatingTheArrayASegmentReturnsDoesNotChangeIt() {
    Segment segment = new Segment(0x100, bytes(1, 2, 3));
    segment.data()[0] = 99;
    assertArrayEquals(bytes(1, 2, 3), segment.data());
    assertEquals(1, segment.byteAt(0x100));
  }

  @Test
  void mutatingTheArrayPassedToTheBuilderDoesNotChangeTheImage() {
    byte[] data = bytes(1, 2, 3);
    FirmwareImage.Builder builder = FirmwareImage.builder().add(0x100, data);
    data[1] = 99;
    assertEquals(FirmwareImage.of(0x100, bytes(1, 2, 3)), builder.build());
  }

  @Test
  void segmentsEqualByAddressAndContent() {
    assertEquals(new Segment(0x100, bytes(1, 2)), new Segment(0x100, bytes(1, 2)));
    assertNotEquals(new Segment(0x100, bytes(1, 2)), new Segment(0x101, bytes(1, 2)));
    assertNotEquals(new Segment(0x100, bytes(1, 2)), new Segment(0x100, bytes(1, 3)));
  }

  @Test
  void aSegmentPastTheFourGibibyteLimitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Segment(0xFFFFFFFFL, new byte[2]));
    assertThrows(IllegalArgumentException.class, () -> new Segment(-1, new byte[1]));
    assertEquals(0x1_0000_0000L, new Segment(0xFFFFFFFFL, new byte[1]).end());
  }

  @Test
  void imagesDifferingOnlyInStartAddressAreNotEqual() {
    FirmwareImage plain = FirmwareImage.of(0x100, bytes(1));
    FirmwareImage started = FirmwareImage.builder().add(0x100, bytes(1)).startAddress(0x101).build();
    assertNotEquals(plain, started);
    assertEquals(OptionalLong.of(0x101), started.startAddress());
    assertEquals(OptionalLong.empty(), plain.startAddress());
  }
}
