package org.romflash.swd.gdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Packet framing, binary escaping and run-length coding, byte for byte. */
class PacketCodecTest {

  @Test
  void okIsFramedWithTheChecksumTheManualShows() {
    assertEquals("$OK#9a", Packets.text(Packets.frame(Packets.bytes("OK"))));
  }

  @Test
  void aStopReplyIsFramedWithItsChecksum() {
    assertEquals("$S05#b8", Packets.text(Packets.frame(Packets.bytes("S05"))));
  }

  @Test
  void theEmptyReplyIsDollarHashZeroZero() {
    assertEquals("$#00", Packets.text(Packets.frame(new byte[0])));
  }

  @Test
  void theChecksumIsTheSumOfTheDataModulo256InLowercaseHex() {
    assertEquals("$m8000000,4#25", Packets.text(Packets.frame(Packets.bytes("m8000000,4"))));
    assertEquals("$qSupported#37", Packets.text(Packets.frame(Packets.bytes("qSupported"))));
  }

  @Test
  void theFourSpecialBytesAreEscapedAsBraceAndTheByteXor0x20() {
    byte[] data = {'#', '$', '}', '*', 0x00, 'A', (byte) 0xFF};
    assertEquals("7d037d047d5d7d0a0041ff", hex(BinaryEscape.escape(data)));
  }

  @Test
  void aBinaryWritePacketWithEscapedBytesIsFramedByteForByte() {
    byte[] packet = GdbMemory.binaryWrite(0x20000000L, new byte[] {'#', 0x01, '}', (byte) 0xFF},
        0, 4);
    assertEquals("245832303030303030302c343a7d03017d5dff23" + "6365",
        hex(Packets.frame(packet)));
  }

  @Test
  void unescapingReversesEscapingForEveryByteValue() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    byte[] escaped = BinaryEscape.escape(all);
    assertEquals(256 + 4, escaped.length);
    assertArrayEquals(all, BinaryEscape.unescape(escaped));
  }

  @Test
  void dataEndingInsideAnEscapeIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BinaryEscape.unescape(new byte[] {'a', '}'}));
    assertEquals("binary data ends inside an escape ('}' last)", e.getMessage());
  }

  @Test
  void zeroStarSpaceIsFourZerosAsInTheManual() {
    assertEquals("0000", expand("0* "));
  }

  @Test
  void aCountOfFiveAndTwoLiteralsIsEightZerosAsInTheManual() {
    assertEquals("00000000", expand("0*\"00"));
  }

  @Test
  void runLengthCountsRepeatTheCharacterBeforeTheStar() {
    assertEquals("a" + "f".repeat(1 + 97) + "12", expand("af*~12"));
  }

  @Test
  void eightEqualCharactersAreEncodedWithoutTheForbiddenHashOrDollarCount() {
    assertEquals("0*\"00", encode("00000000"));
    assertEquals("0*\"0", encode("0000000"));
  }

  @Test
  void runsShorterThanFourStayLiteral() {
    assertEquals("000aaa", encode("000aaa"));
    assertEquals("0* ", encode("0000"));
  }

  @Test
  void longRunsAreSplitAtTheLargestPrintableCount() {
    assertEquals("0*~", encode("0".repeat(98)));
    assertEquals("0*~0", encode("0".repeat(99)));
    assertEquals("0*~0* ", encode("0".repeat(102)));
  }

  @Test
  void encodingThenExpandingGivesBackAnyHexTextAndNeverUsesAForbiddenCount() {
    Random random = new Random(42);
    for (int trial = 0; trial < 2000; trial++) {
      StringBuilder text = new StringBuilder();
      while (text.length() < 300) {
        text.append(String.valueOf("0123456789abcdef".charAt(random.nextInt(3)))
            .repeat(1 + random.nextInt(40)));
      }
      byte[] encoded = RunLength.encode(Packets.bytes(text.toString()));
      for (int i = 0; i < encoded.length; i++) {
        if (encoded[i] == '*') {
          int count = encoded[++i];
          assertTrue(count >= ' ' && count <= '~' && count != '#' && count != '$',
              "count " + count);
        }
      }
      assertEquals(text.toString(), Packets.text(RunLength.expand(encoded)));
    }
  }

  @Test
  void aCountWithNothingBeforeItIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> expand("* 0"));
    assertEquals("run-length count at offset 0 has no character before it to repeat",
        e.getMessage());
  }

  @Test
  void aStarAtTheEndIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> expand("0*"));
    assertEquals("run-length mark '*' at the end, without a count", e.getMessage());
  }

  @Test
  void errorRepliesAreEAndTwoHexDigitsOrEDotAndAMessage() {
    assertTrue(RspException.isError("E01"));
    assertTrue(RspException.isError("E.memtype"));
    assertTrue(!RspException.isError("e0") && !RspException.isError("OK")
        && !RspException.isError("Efoo") && !RspException.isError(""));
  }

  private static String expand(String text) {
    return Packets.text(RunLength.expand(Packets.bytes(text)));
  }

  private static String encode(String text) {
    return Packets.text(RunLength.encode(Packets.bytes(text)));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
