package org.romflash.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The host side of protocol-spec/ram-crc-routine.md, without running the routine. */
class CrcRoutineTest {
  private static final CrcRoutine ROUTINE = CrcRoutine.bundled();
  private static final long LOAD = 0x2000_0400L;
  private static final long BOOT_VECTOR = 0x1FFF_0000L;
  private static final int NONCE = 0x1234_5678;
  private static final List<CrcRange> TWO = List.of(new CrcRange(0x0800_0000L, 0x400),
      new CrcRange(0x0800_1000L, 8));

  @Test
  void theBundledBlobIs244BytesOfHeaderCodeAndTableWithTheParametersRightAfterIt() {
    byte[] blob = ROUTINE.blob();
    assertEquals("00000000" + "15000000" + "52465243" + "01000000" + "f4000000",
        HexFormat.of().formatHex(blob, 0, 0x14));
    assertEquals(244, blob.length);
    assertEquals(0xF4, ROUTINE.parameterOffset());
  }

  @Test
  void theBlobsNibbleTableIsTheStm32PolynomialShiftedFourBitsAtATime() {
    ByteBuffer blob = ByteBuffer.wrap(ROUTINE.blob()).order(ByteOrder.LITTLE_ENDIAN);
    for (int nibble = 0; nibble < 16; nibble++) {
      int crc = nibble << 28;
      for (int bit = 0; bit < 4; bit++) {
        crc = crc < 0 ? crc << 1 ^ Crc32Stm32.POLYNOMIAL : crc << 1;
      }
      assertEquals(crc, blob.getInt(ROUTINE.parameterOffset() - 64 + 4 * nibble), "entry " + nibble);
    }
  }

  @Test
  void uploadIsThePatchedBlobThenTheParameterBlockAndZeroedCrcSlots() {
    byte[] upload = ROUTINE.upload(LOAD, BOOT_VECTOR, NONCE, TWO);
    byte[] blob = ROUTINE.blob();
    String expected = "a0050020" + "15040020" // stack top 0x200005A0, reset handler L + 0x15
        + HexFormat.of().formatHex(blob, 8, blob.length)
        + "0000ff1f" + "78563412" + "02000000" + "00000000" // vector table, nonce, n, done
        + "00000008" + "00040000" + "00100008" + "08000000" // the two ranges
        + "00000000" + "00000000"; // the CRC slots
    assertEquals(expected, HexFormat.of().formatHex(upload));
  }

  @Test
  void theStackTopLeaves128BytesAboveTheCrcSlotsRoundedUpToEight() {
    for (long load = LOAD; load < LOAD + 16; load += 4) {
      for (int n = 1; n <= 4; n++) {
        List<CrcRange> ranges = Collections.nCopies(n, TWO.get(0));
        long top = Integer.toUnsignedLong(ByteBuffer.wrap(ROUTINE.upload(load, BOOT_VECTOR,
            NONCE, ranges)).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
        long above = load + 0xF4 + 0x10 + 12 * n + 128;
        assertTrue(top % 8 == 0 && top >= above && top < above + 8, load + " " + n);
        assertTrue(top - load <= ROUTINE.footprint(n), load + " " + n);
      }
    }
    assertEquals(0xF4 + 0x1C + 132, ROUTINE.footprint(1));
  }

  @Test
  void theAnswerIsTheParameterBlockAndTheCrcsAfterTheBlob() {
    assertEquals(LOAD + 0xF4, ROUTINE.answerAddress(LOAD));
    assertEquals(0x10 + 24, ROUTINE.answerLength(2));
    assertEquals(0x0C, CrcRoutine.doneOffset());
    assertEquals(0x20, CrcRoutine.crcOffset(2));
    assertEquals(0x5A17C0DE, CrcRoutine.DONE_XOR);
  }

  @Test
  void aDoneWordOfThisNonceGivesTheCrcsAndAnyOtherGivesNothing() {
    byte[] answer = answer(NONCE ^ 0x5A17C0DE);
    assertArrayEquals(new int[] {0xDF8A8A2B, 0x01020304},
        ROUTINE.crcs(answer, NONCE, 2).orElseThrow());
    assertEquals(Optional.empty(), ROUTINE.crcs(answer(0), NONCE, 2).map(List::of));
    assertEquals(Optional.empty(), ROUTINE.crcs(answer(NONCE ^ 0x5A17C0DE), NONCE + 1, 2)
        .map(List::of));
  }

  @Test
  void aShortAnswerIsRefused() {
    assertEquals("CRC routine answer for 2 ranges has 40 bytes, not 39",
        assertThrows(IllegalArgumentException.class,
            () -> ROUTINE.crcs(new byte[39], NONCE, 2)).getMessage());
  }

  @Test
  void requestReadsBackWhatUploadWrote() {
    byte[] memory = Arrays.copyOf(ROUTINE.upload(LOAD, BOOT_VECTOR, NONCE, TWO), 1024);
    assertEquals(Optional.of(new CrcRoutine.Request(BOOT_VECTOR, NONCE, TWO)),
        ROUTINE.request(memory));
  }

  @Test
  void requestRefusesOtherCodeATruncatedBlockAndAbsurdRanges() {
    byte[] upload = ROUTINE.upload(LOAD, BOOT_VECTOR, NONCE, TWO);
    assertEquals(Optional.empty(), ROUTINE.request(changed(upload, 0x20, 0x00)), "code");
    assertEquals(Optional.empty(), ROUTINE.request(changed(upload, 0xF0, 0x01)), "table");
    assertEquals(Optional.empty(), ROUTINE.request(Arrays.copyOf(upload, upload.length - 9)));
    assertEquals(Optional.empty(), ROUTINE.request(changed(upload, 0xF4 + 8, 0x00)), "n = 0");
    assertEquals(Optional.empty(), ROUTINE.request(changed(upload, 0xF4 + 11, 0xFF)), "n huge");
    assertEquals(Optional.empty(), ROUTINE.request(changed(upload, 0xF4 + 0x10, 0x02)),
        "unaligned start");
    assertEquals(Optional.empty(), ROUTINE.request(changed(upload, 0xF4 + 0x14, 0x03)),
        "odd length");
    assertTrue(ROUTINE.request(changed(upload, 0, 0x55)).isPresent(), "stack word is free");
  }

  @Test
  void uploadRefusesAnUnalignedLoadAndAnEmptyRangeList() {
    assertEquals("CRC routine needs a 4-aligned load address and 32-bit addresses, not load"
        + " 0x20000402, vector table 0x1FFF0000", assertThrows(IllegalArgumentException.class,
            () -> ROUTINE.upload(LOAD + 2, BOOT_VECTOR, NONCE, TWO)).getMessage());
    assertEquals("CRC routine takes 1 to 1024 ranges, not 0", assertThrows(
        IllegalArgumentException.class, () -> ROUTINE.upload(LOAD, BOOT_VECTOR, NONCE, List.of()))
        .getMessage());
  }

  @Test
  void aBlobOfAnotherLayoutVersionIsRefused() {
    byte[] blob = changed(ROUTINE.blob(), 12, 2);
    assertEquals("CRC routine has magic 0x43524652 version 2, expected 0x43524652 version 1",
        assertThrows(IllegalStateException.class, () -> CrcRoutineBlob.parse(blob))
            .getMessage());
  }

  @Test
  void rangesAreWholeWordsAtAlignedAddressesInside4GiB() {
    assertThrows(IllegalArgumentException.class, () -> new CrcRange(0x0800_0002L, 4));
    assertThrows(IllegalArgumentException.class, () -> new CrcRange(0x0800_0000L, 0));
    assertThrows(IllegalArgumentException.class, () -> new CrcRange(0x0800_0000L, 6));
    assertThrows(IllegalArgumentException.class, () -> new CrcRange(0xFFFF_FFFCL, 8));
    assertEquals(0x1_0000_0000L, new CrcRange(0xFFFF_FFFCL, 4).end());
  }

  @Test
  void theWorstCaseIsThreeCyclesForEachInstructionCounted() {
    assertEquals(3L * (44 * 65536 + 11 + 23), ROUTINE.worstCaseCycles(256 * 1024, 1));
    assertEquals(3L * (44 * 3 + 2 * 11 + 23), ROUTINE.worstCaseCycles(10, 2));
  }

  private static byte[] answer(int done) {
    return ByteBuffer.allocate(0x10 + 24).order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) BOOT_VECTOR).putInt(NONCE).putInt(2).putInt(done)
        .putInt(0x0800_0000).putInt(0x400).putInt(0x0800_1000).putInt(8)
        .putInt(0xDF8A8A2B).putInt(0x01020304).array();
  }

  private static byte[] changed(byte[] bytes, int offset, int value) {
    byte[] copy = bytes.clone();
    copy[offset] = (byte) value;
    return copy;
  }
}
