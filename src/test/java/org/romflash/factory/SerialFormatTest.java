package org.romflash.factory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SerialFormatTest {

  @Test
  void aTemplateFormatsTheNumberAsAsciiWithoutATerminator() {
    SerialNumber serial = SerialFormat.parse("SN{:08d}").ofNumber(42);
    assertEquals("SN00000042", serial.text());
    assertEquals(OptionalLong.of(42), serial.number());
    assertArrayEquals("SN00000042".getBytes(StandardCharsets.US_ASCII), serial.bytes());
  }

  @Test
  void templatesTakeHexFieldsAndSuffixes() {
    assertEquals("B-00FF-r1", SerialFormat.parse("B-{:04X}-r1").ofNumber(255).text());
    assertEquals("ff", SerialFormat.parse("{:x}").ofNumber(255).text());
    assertEquals("7", SerialFormat.parse("{:d}").ofNumber(7).text());
  }

  @Test
  void textWritesTheNumberOrTheTableValueAsItIs() {
    SerialFormat text = SerialFormat.parse("text");
    assertEquals("1234", text.ofNumber(1234).text());
    SerialNumber fromTable = text.ofValue("AB-77");
    assertEquals("AB-77", fromTable.text());
    assertEquals(OptionalLong.empty(), fromTable.number());
  }

  @Test
  void littleEndianIntegersHaveTheirWidth() {
    assertArrayEquals(new byte[] {0x78, 0x56, 0x34, 0x12},
        SerialFormat.parse("u32le").ofNumber(0x12345678).bytes());
    assertArrayEquals(new byte[] {0x01, 0x00}, SerialFormat.parse("u16le").ofNumber(1).bytes());
    assertEquals(8, SerialFormat.parse("u64le").ofNumber(5).bytes().length);
    assertEquals("4660", SerialFormat.parse("u16le").ofValue("0x1234").text());
  }

  @Test
  void aNumberTooLargeForItsWidthIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SerialFormat.parse("u16le").ofNumber(65536));
    assertEquals("serial number 65536 does not fit in 2 bytes", e.getMessage());
  }

  @Test
  void formatsWithoutOrWithTwoFieldsAreRefused() {
    assertEquals("serial format 'SN' has no field: use e.g. SN{:08d}, {} or u32le",
        assertThrows(IllegalArgumentException.class, () -> SerialFormat.parse("SN")).getMessage());
    assertEquals("serial format '{}{}' must have exactly one field such as {:08d}",
        assertThrows(IllegalArgumentException.class, () -> SerialFormat.parse("{}{}"))
            .getMessage());
  }

  @Test
  void aNumericFieldNeedsANumberFromTheTable() {
    assertEquals("serial 'abc' is not an integer, which this serial format needs",
        assertThrows(IllegalArgumentException.class,
            () -> SerialFormat.parse("SN{:04d}").ofValue("abc")).getMessage());
  }
}
