package org.romflash.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.EraseUnit;
import org.romflash.image.FirmwareImage;
import org.romflash.image.Segment;

class FlashPlanTest {
  private static final Device F103 = device("F103xB");
  private static final Device F407 = device("F407xG");
  private static final Device G071 = device("G071xB");
  private static final Device H743 = device("H743xI");

  private static Device device(String name) {
    return DeviceDatabase.bundled().byName(name).orElseThrow();
  }

  private static FlashPlan plan(FirmwareImage image, Device device, EraseMode erase) {
    return FlashPlan.of(image, device, erase, VerifyMode.AUTO, 256);
  }

  private static byte[] counting(int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) (i * 7 + 1);
    }
    return data;
  }

  private static byte[] concat(byte[]... parts) {
    return Arrays.stream(parts).reduce(new byte[0], (a, b) -> {
      byte[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    });
  }

  private static byte[] erased(int length) {
    byte[] data = new byte[length];
    Arrays.fill(data, (byte) 0xFF);
    return data;
  }

  @Test
  void threeHundredBytesOnF103EraseUnitZeroAndWriteOneFullAndOnePartialBlock() {
    byte[] data = counting(300);
    FlashPlan plan = plan(FirmwareImage.of(0x08000000L, data), F103, EraseMode.TOUCHED);
    assertEquals(new FlashPlan(false, List.of(new EraseUnit(0, 0x08000000L, 1024, 1)),
        List.of(new Segment(0x08000000L, Arrays.copyOfRange(data, 0, 256)),
            new Segment(0x08000100L, Arrays.copyOfRange(data, 256, 300))),
        VerifyMode.AUTO), plan);
    assertEquals(300, plan.bytesToWrite());
  }

  @Test
  void fiveUnalignedBytesOnG071BecomeOneEightByteWordPaddedWithErasedValue() {
    byte[] data = counting(5);
    FlashPlan plan = plan(FirmwareImage.of(0x08000803L, data), G071, EraseMode.TOUCHED);
    assertEquals(List.of(new Segment(0x08000800L, concat(erased(3), data))), plan.writes());
    assertEquals(List.of(new EraseUnit(1, 0x08000800L, 2048, 1)), plan.eraseUnits());
  }

  @Test
  void twoSegmentsSharingOneG071WordAreWrittenInOneBlock() {
    FirmwareImage image = FirmwareImage.builder()
        .add(0x08000800L, new byte[] {1, 2}).add(0x08000805L, new byte[] {3, 4}).build();
    FlashPlan plan = plan(image, G071, EraseMode.TOUCHED);
    assertEquals(List.of(new Segment(0x08000800L,
        new byte[] {1, 2, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 3, 4, (byte) 0xFF})),
        plan.writes());
  }

  @Test
  void anF407ImageAcrossTheFirstSectorBoundaryErasesSectorsZeroAndOne() {
    FirmwareImage image = FirmwareImage.of(0x08003F00L, counting(0x200));
    assertEquals(List.of(new EraseUnit(0, 0x08000000L, 0x4000, 1),
        new EraseUnit(1, 0x08004000L, 0x4000, 1)), plan(image, F407, EraseMode.TOUCHED).eraseUnits());
  }

  @Test
  void anH743ImageAcrossTheBankBoundaryErasesTheLastSectorOfBankOneAndTheFirstOfBankTwo() {
    byte[] data = counting(32);
    FlashPlan plan = plan(FirmwareImage.of(0x080FFFF0L, data), H743, EraseMode.TOUCHED);
    assertEquals(List.of(new EraseUnit(7, 0x080E0000L, 0x20000, 1),
        new EraseUnit(8, 0x08100000L, 0x20000, 2)), plan.eraseUnits());
    assertEquals(List.of(
        new Segment(0x080FFFE0L, concat(erased(16), Arrays.copyOfRange(data, 0, 16))),
        new Segment(0x08100000L, concat(Arrays.copyOfRange(data, 16, 32), erased(16)))),
        plan.writes());
  }

  @Test
  void massEraseModeAsksForAMassEraseAndNoUnits() {
    FlashPlan plan = plan(FirmwareImage.of(0x08000000L, counting(4)), F103, EraseMode.MASS);
    assertTrue(plan.massErase());
    assertEquals(List.of(), plan.eraseUnits());
    assertEquals(List.of(new Segment(0x08000000L, counting(4))), plan.writes());
  }

  @Test
  void noEraseModeAsksForNeitherMassEraseNorUnits() {
    FlashPlan plan = plan(FirmwareImage.of(0x08000000L, counting(4)), F103, EraseMode.NONE);
    assertFalse(plan.massErase());
    assertEquals(List.of(), plan.eraseUnits());
  }

  private static String firstLine(RuntimeException e) {
    return e.getMessage().lines().findFirst().orElseThrow();
  }

  @Test
  void anImageRunningPastTheFlashEndIsRefusedNamingTheRange() {
    FirmwareImage image = FirmwareImage.of(0x0801FF00L, new byte[512]);
    ImageDoesNotFitException e = assertThrows(ImageDoesNotFitException.class,
        () -> plan(image, F103, EraseMode.TOUCHED));
    assertEquals("image data at 0x0801FF00-0x080200FF runs past the end of the 128 KiB flash"
        + " (256 bytes from 0x08020000 on are not flash)", firstLine(e));
    assertEquals(0x0801FF00L, e.from());
    assertEquals(0x08020100L, e.to());
  }

  @Test
  void anImageInTheOptionBytesIsRefused() {
    ImageDoesNotFitException e = assertThrows(ImageDoesNotFitException.class,
        () -> plan(FirmwareImage.of(0x1FFFF800L, new byte[16]), F103, EraseMode.TOUCHED));
    assertEquals("image data at 0x1FFFF800-0x1FFFF80F lies in the option bytes, which are never"
        + " written from an image", firstLine(e));
    assertTrue(e.inOptionBytes());
  }

  @Test
  void anImageInTheBootloaderReservedRamIsRefused() {
    ImageDoesNotFitException e = assertThrows(ImageDoesNotFitException.class,
        () -> plan(FirmwareImage.of(0x20000000L, new byte[16]), F103, EraseMode.TOUCHED));
    assertEquals("image data at 0x20000000-0x2000000F overlaps the RAM the bootloader reserves for"
        + " itself (0x20000000-0x200001FF)", firstLine(e));
  }

  @Test
  void anImageInFreeRamIsPlannedWithoutAnyErase() {
    byte[] data = counting(10);
    FlashPlan plan = plan(FirmwareImage.of(0x20001000L, data), F103, EraseMode.TOUCHED);
    assertEquals(new FlashPlan(false, List.of(),
        List.of(new Segment(0x20001000L, concat(data, erased(2)))), VerifyMode.AUTO), plan);
  }

  @Provide
  Arbitrary<FirmwareImage> f103Images() {
    Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
    Arbitrary<Long> gap = Arbitraries.longs().between(0, 2000);
    return Combinators.combine(gap, data).as(Segment::new).list().ofMinSize(1).ofMaxSize(5)
        .map(parts -> {
          FirmwareImage.Builder builder = FirmwareImage.builder();
          long address = 0x08000000L;
          for (Segment p : parts) {
            address += p.address(); // the generated "address" is the gap before the piece
            builder.add(address, p.data());
            address += p.length();
          }
          return builder.build();
        });
  }

  @Property
  void f103SegmentsAreAlignedWindowedDisjointAndCarryEveryImageByteOnce(
      @ForAll("f103Images") FirmwareImage image) {
    List<Segment> writes = plan(image, F103, EraseMode.TOUCHED).writes();
    Map<Long, Integer> written = new HashMap<>();
    long previousEnd = 0;
    for (Segment block : writes) {
      long end = block.address() + block.length();
      assertEquals(block.address() / 256, (end - 1) / 256, block + " crosses a 256-byte window");
      assertEquals(0, block.address() % 4, block + " is not word aligned");
      assertEquals(0, block.length() % 4, block + " is not whole words");
      assertTrue(block.address() >= previousEnd, block + " overlaps the block before it");
      previousEnd = end;
      byte[] data = block.data();
      for (int i = 0; i < data.length; i++) {
        written.put(block.address() + i, data[i] & 0xFF);
      }
    }
    for (Segment s : image.segments()) {
      for (long a = s.address(); a < s.end(); a++) {
        assertEquals(s.byteAt(a), written.remove(a), String.format("byte at 0x%08X", a));
      }
    }
    written.forEach((a, v) -> assertEquals(0xFF, v, String.format("padding at 0x%08X", a)));
  }

  @Test
  void blocksOfErasedValueAreVerifiedButNotSentWhenTheirUnitIsErased() {
    byte[] data = concat(erased(512), counting(256));
    FirmwareImage image = FirmwareImage.of(0x08000000L, data);
    FlashPlan touched = plan(image, F103, EraseMode.TOUCHED);
    assertEquals(List.of(0x08000000L, 0x08000100L, 0x08000200L),
        touched.writes().stream().map(Segment::address).toList());
    assertEquals(List.of(0x08000200L), touched.programs().stream().map(Segment::address).toList());
    assertEquals(256, touched.bytesToWrite());
    FlashPlan unerased = plan(image, F103, EraseMode.NONE);
    assertEquals(unerased.writes(), unerased.programs(), "without an erase every block is sent");
  }
}
