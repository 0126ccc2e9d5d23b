package org.romflash.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A smaller part under one entry keeps the start of each bank, at the bank's own address. */
class FlashLayoutTest {
  private static final DeviceDatabase DATABASE = DeviceDatabase.bundled();

  private static List<String> units(FlashLayout layout) {
    return layout.units().stream()
        .map(u -> String.format("%d@%08X+%dK/b%d", u.number(), u.address(), u.size() / 1024,
            u.bank()))
        .toList();
  }

  @Test
  void aSixtyFourKibF103KeepsTheFirstSixtyFourPages() {
    FlashLayout layout = DATABASE.byName("F103xB").orElseThrow().flash().limitedTo(64 * 1024);
    assertEquals(64, layout.units().size());
    assertEquals(64 * 1024, layout.size());
    assertEquals("63@0800FC00+1K/b1", units(layout).get(63));
  }

  @Test
  void aHalfMebibyteF407KeepsTheSectorsThatFitWhole() {
    FlashLayout layout = DATABASE.byName("F407xG").orElseThrow().flash().limitedTo(512 * 1024);
    assertEquals(List.of("0@08000000+16K/b1", "1@08004000+16K/b1", "2@08008000+16K/b1",
        "3@0800C000+16K/b1", "4@08010000+64K/b1", "5@08020000+128K/b1", "6@08040000+128K/b1",
        "7@08060000+128K/b1"), units(layout));
  }

  @Test
  void aOneMebibyteH743HalvesEachBankAtItsOwnAddress() {
    FlashLayout layout = DATABASE.byName("H743xI").orElseThrow().flash().limitedTo(1024 * 1024);
    assertEquals(List.of("0@08000000+128K/b1", "1@08020000+128K/b1", "2@08040000+128K/b1",
        "3@08060000+128K/b1", "8@08100000+128K/b2", "9@08120000+128K/b2", "10@08140000+128K/b2",
        "11@08160000+128K/b2"), units(layout));
  }

  @Test
  void aRegisterReportingAtLeastTheEntrysFlashChangesNothing() {
    FlashLayout full = DATABASE.byName("F103xB").orElseThrow().flash();
    assertSame(full, full.limitedTo(128 * 1024));
    assertSame(full, full.limitedTo(256 * 1024));
  }
}
