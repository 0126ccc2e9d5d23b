package org.romflash.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Option-byte fields by name, and the complements F0/F1/F3 and L0/L1 check at load. */
class OptionImageTest {
  private static final DeviceDatabase DATABASE = DeviceDatabase.bundled();

  private static OptionBytes options(String device) {
    return DATABASE.byName(device).orElseThrow().options();
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void anF103LeavesTheFactoryWithRdpA5AndEveryByteFollowedByItsComplement() {
    assertArrayEquals(bytes(0xA5, 0x5A, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00,
        0xFF, 0x00, 0xFF, 0x00), OptionImage.factory(options("F103xB")).bytes());
  }

  @Test
  void settingAnF103FieldRecomputesOnlyItsComplementByte() {
    OptionBytes f1 = options("F103xB");
    OptionImage changed = OptionImage.factory(f1).with(f1.field("USER").orElseThrow(), 0xFB)
        .withComplements();
    assertArrayEquals(bytes(0xA5, 0x5A, 0xFB, 0x04, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00,
        0xFF, 0x00, 0xFF, 0x00), changed.bytes());
    assertTrue(changed.complementsValid());
    assertFalse(OptionImage.factory(f1).with(f1.field("USER").orElseThrow(), 0xFB)
        .complementsValid());
  }

  @Test
  void anL1KeepsEachHalfWordsComplementInTheUpperHalf() {
    OptionBytes l1 = options("L151xE");
    byte[] factory = OptionImage.factory(l1).bytes();
    assertArrayEquals(bytes(0xAA, 0xFF, 0x55, 0x00), java.util.Arrays.copyOf(factory, 4));
    OptionImage bank2 = OptionImage.factory(l1).with(l1.field("BFB2").orElseThrow(), 0)
        .withComplements();
    assertArrayEquals(bytes(0x7F, 0xFF, 0x80, 0x00), java.util.Arrays.copyOfRange(bank2.bytes(), 4,
        8));
  }

  @Test
  void aSingleBitFieldOfAG0IsSetInPlace() {
    OptionBytes g0 = options("G071xB");
    OptionImage image = OptionImage.factory(g0).with(g0.field("nBOOT0").orElseThrow(), 0);
    assertArrayEquals(bytes(0xAA, 0xFF, 0xFF, 0xFB), java.util.Arrays.copyOf(image.bytes(), 4));
    assertEquals(0, image.value(g0.field("nBOOT0").orElseThrow()));
    assertEquals(1, image.value(g0.field("nBOOT1").orElseThrow()));
  }

  @Test
  void aValueWiderThanItsFieldIsRefused() {
    OptionBytes g0 = options("G071xB");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptionImage.factory(g0).with(g0.field("nBOOT0").orElseThrow(), 2));
    assertEquals("nBOOT0 is 1 bit wide: 2 does not fit", e.getMessage());
  }

  @Test
  void rdpValuesMapToLevelsAsEachFamilyEncodesThem() {
    assertEquals(0, options("G071xB").rdpLevel(0xAA));
    assertEquals(1, options("G071xB").rdpLevel(0x00));
    assertEquals(2, options("G071xB").rdpLevel(0xCC));
    assertEquals(0, options("F103xB").rdpLevel(0xA5));
    assertEquals(1, options("F103xB").rdpLevel(0xCC), "the F1 has no level 2");
  }

  static Stream<Device> devices() {
    return DATABASE.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void everyFactoryImageIsOpenWithValidComplements(Device d) {
    OptionImage factory = OptionImage.factory(d.options());
    assertEquals(0, factory.readProtectionLevel());
    assertTrue(factory.complementsValid());
  }
}
