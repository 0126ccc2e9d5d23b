package org.romflash.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The STM32 CRC unit's reset configuration, against known vectors and an independent model. */
class Crc32Stm32Test {

  /**
   * Reference: for each little-endian 32-bit word, XOR it into the register, then shift 32 times
   * most significant bit first, XORing the polynomial in whenever a one falls out.
   */
  static int reference(byte[] data, int polynomial, int initial) {
    long crc = initial & 0xFFFFFFFFL;
    long poly = polynomial & 0xFFFFFFFFL;
    for (int i = 0; i < data.length; i += 4) {
      long word = (data[i] & 0xFFL) | (data[i + 1] & 0xFFL) << 8 | (data[i + 2] & 0xFFL) << 16
          | (data[i + 3] & 0xFFL) << 24;
      crc ^= word;
      for (int bit = 0; bit < 32; bit++) {
        boolean top = (crc & 0x8000_0000L) != 0;
        crc = (crc << 1) & 0xFFFF_FFFFL;
        if (top) {
          crc ^= poly;
        }
      }
    }
    return (int) crc;
  }

  private static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  @Test
  void theWord0x12345678StoredLittleEndianGivesDF8A8A2B() {
    assertEquals(0xDF8A8A2B, Crc32Stm32.of(hex("78 56 34 12")));
  }

  @Test
  void oneZeroWordGivesC704DD7B() {
    assertEquals(0xC704DD7B, Crc32Stm32.of(hex("00 00 00 00")));
  }

  @Test
  void oneErasedWordGivesZero() {
    assertEquals(0x00000000, Crc32Stm32.of(hex("FF FF FF FF")));
  }

  @Test
  void oneKibibyteOfErasedFlashGivesD000A3E2() {
    byte[] erased = new byte[1024];
    Arrays.fill(erased, (byte) 0xFF);
    assertEquals(0xD000A3E2, Crc32Stm32.of(erased));
  }

  @Test
  void bytes01020304GiveCrc1DABE74F() {
    assertEquals(0x1DABE74F, Crc32Stm32.of(hex("01 02 03 04")));
  }

  @Test
  void noDataGivesTheInitialValue() {
    assertEquals(0xFFFFFFFF, Crc32Stm32.of(new byte[0]));
  }

  @Test
  void theReferenceModelAgreesWithTheKnownVector() {
    assertEquals(0xDF8A8A2B, reference(hex("78 56 34 12"), 0x04C11DB7, 0xFFFFFFFF));
  }

  @Test
  void aLengthThatIsNotWholeWordsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Crc32Stm32.of(new byte[6]));
    assertEquals("CRC input must be whole 32-bit words, not 6 bytes", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Crc32Stm32.update(0xFFFFFFFF, new byte[8], 0, 3));
  }

  @Provide
  Arbitrary<byte[]> words() {
    return Arbitraries.integers().between(0, 64)
        .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(4 * n));
  }

  @Property
  void tableDrivenCrcEqualsTheBitwiseReference(@ForAll("words") byte[] data) {
    assertEquals(reference(data, Crc32Stm32.POLYNOMIAL, Crc32Stm32.INITIAL), Crc32Stm32.of(data));
  }

  @Property
  void resetPolynomialWithAnotherInitialValueEqualsTheReference(@ForAll("words") byte[] data,
      @ForAll int initial) {
    assertEquals(reference(data, Crc32Stm32.POLYNOMIAL, initial),
        Crc32Stm32.of(data, Crc32Stm32.POLYNOMIAL, initial));
  }

  @Property
  void anyOtherPolynomialAndInitialValueEqualsTheReference(@ForAll("words") byte[] data,
      @ForAll int polynomial, @ForAll int initial) {
    assertEquals(reference(data, polynomial, initial), Crc32Stm32.of(data, polynomial, initial));
  }

  @Property
  void updatingOverTwoHalvesEqualsTheCrcOfTheWhole(@ForAll("words") byte[] data,
      @ForAll("words") byte[] more) {
    byte[] whole = new byte[data.length + more.length];
    System.arraycopy(data, 0, whole, 0, data.length);
    System.arraycopy(more, 0, whole, data.length, more.length);
    int first = Crc32Stm32.update(Crc32Stm32.INITIAL, whole, 0, data.length);
    int both = Crc32Stm32.update(first, whole, data.length, more.length);
    assertEquals(Crc32Stm32.of(whole), both);
  }
}
