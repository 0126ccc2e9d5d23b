package org.romflash.cli.stm32flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;

class RangesTest {
  private static final Device F103 = DeviceDatabase.bundled().byName("F103xB").orElseThrow();
  private static final Device F407 = DeviceDatabase.bundled().byName("F407xG").orElseThrow();

  private static Stm32flashArguments args(String line) {
    return Stm32flashArguments.parse(List.of((line + " tty").trim().split(" +"))).orElseThrow();
  }

  private static List<Integer> numbers(List<EraseUnit> units) {
    return units.stream().map(EraseUnit::number).toList();
  }

  @Test
  void readSpansTheWholeFlashByDefault() {
    assertEquals(new MemoryRegion(0x08000000L, 128 * 1024), Ranges.span(args("-r x"), F103));
  }

  @Test
  void readWithAnAddressAloneRunsToTheEndOfThatMemory() {
    assertEquals(new MemoryRegion(0x08000010L, 128 * 1024 - 16),
        Ranges.span(args("-r x -S 0x08000010"), F103));
    MemoryRegion ram = F103.ram();
    assertEquals(new MemoryRegion(ram.start() + 0x400, ram.size() - 0x400),
        Ranges.span(args("-r x -S " + (ram.start() + 0x400)), F103));
  }

  @Test
  void readWithPagesCoversThosePages() {
    assertEquals(new MemoryRegion(0x08000400L, 2048), Ranges.span(args("-r x -s 1 -e 2"), F103));
    assertEquals(new MemoryRegion(0x08008000L, 0x4000), Ranges.span(args("-C -s 2 -e 1"), F407));
  }

  @Test
  void eraseOnlyTakesEveryPageOrTheNamedOnes() {
    assertEquals(128, Ranges.eraseOnly(args("-o"), F103).size());
    assertEquals(List.of(1, 2, 3), numbers(Ranges.eraseOnly(args("-o -s 1 -e 3"), F103)));
    assertEquals(List.of(0, 1), numbers(Ranges.eraseOnly(args("-o -e 2"), F103)));
    assertEquals(List.of(1, 2), numbers(Ranges.eraseOnly(args("-o -S 0x08000400:2048"), F103)));
  }

  @Test
  void eraseOnlyRefusesARangeThatIsNotWholePages() {
    assertEquals("-S: erasing works on whole pages, and 0x08000800-0x08000863 is not; the pages it"
        + " touches are 0x08000800-0x08000BFF", assertThrows(Stm32flashUsageException.class,
            () -> Ranges.eraseOnly(args("-o -S 0x08000800:100"), F103)).getMessage());
  }

  @Test
  void pagesPastTheEndAreRefused() {
    assertEquals("-e 3 from page 126 runs past the last page (127) of the 128 KiB flash",
        assertThrows(Stm32flashUsageException.class,
            () -> Ranges.eraseOnly(args("-o -s 126 -e 3"), F103)).getMessage());
    assertEquals("-s 200: the flash has pages 0 to 127", assertThrows(
        Stm32flashUsageException.class, () -> Ranges.span(args("-r x -s 200"), F103))
        .getMessage());
  }

  @Test
  void writeErasesWhatTheDataTouchesUnlessTold() {
    assertEquals(new Ranges.WritePlacement(0x08000000L, 0x08020000L, "", Optional.empty()),
        Ranges.write(args("-w x"), F103));
    assertEquals(new Ranges.WritePlacement(0x08000800L, 0x08020000L, "", Optional.empty()),
        Ranges.write(args("-w x -s 2"), F103));
    assertEquals(new Ranges.WritePlacement(0x08000000L, 0x08020000L, "", Optional.of(List.of())),
        Ranges.write(args("-w x -e 0"), F103));
  }

  @Test
  void writeWithPagesOrALengthErasesAndLimitsToThem() {
    Ranges.WritePlacement pages = Ranges.write(args("-w x -s 2 -e 4"), F103);
    assertEquals(0x08000800L, pages.base());
    assertEquals(0x08001800L, pages.limit());
    assertEquals("-e 4", pages.limitOption());
    assertEquals(List.of(2, 3, 4, 5), numbers(pages.erase().orElseThrow()));
    Ranges.WritePlacement range = Ranges.write(args("-w x -S 0x08000400:8192"), F103);
    assertEquals(0x08002400L, range.limit());
    assertEquals("-S 0x08000400:8192", range.limitOption());
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), numbers(range.erase().orElseThrow()));
  }
}
