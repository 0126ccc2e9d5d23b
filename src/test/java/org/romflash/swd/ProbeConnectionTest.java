package org.romflash.swd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.flash.EraseMode;
import org.romflash.flash.FlashPlan;
import org.romflash.flash.Flasher;
import org.romflash.flash.Progress;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;
import org.romflash.image.FirmwareImage;
import org.romflash.swd.dap.CmsisDap;
import org.romflash.swd.sim.SimulatedChip;
import org.romflash.swd.sim.SimulatedDapProbe;
import org.romflash.swd.sim.TestChips;

class ProbeConnectionTest {
  private static final DeviceDatabase DEVICES = DeviceDatabase.bundled();
  private final List<String> notes = new ArrayList<>();

  private ProbeConnection connect(SimulatedChip chip, boolean underReset) {
    return ProbeConnection.open(CmsisDap.open(new SimulatedDapProbe(chip)), DEVICES,
        new ProbeConnection.Options(1_000_000, underReset), notes::add, PlainDriver::new);
  }

  @Test
  void theChipIsIdentifiedByItsDbgmcuIdcodeAndHalted() {
    SimulatedChip chip = TestChips.withPlainFlash(DEVICES.byName("F407xG").orElseThrow());
    try (ProbeConnection probe = connect(chip, false)) {
      assertEquals("F407xG", probe.target().device().name());
      assertEquals(0x2BA0_1477, probe.dpidr());
      assertTrue(chip.core().halted());
      assertEquals(0x7, chip.bus().read32(0xE004_2004L) & 0x7, "low-power debug on");
      assertEquals(0x1800, chip.bus().read32(0xE004_2008L), "IWDG and WWDG frozen");
    }
  }

  @Test
  void familiesKeepTheirDbgmcuElsewhere() {
    for (String name : List.of("G071xB", "H743xI", "F103xB")) {
      SimulatedChip chip = TestChips.withPlainFlash(DEVICES.byName(name).orElseThrow());
      try (ProbeConnection probe = connect(chip, false)) {
        assertEquals(name, probe.target().device().name());
      }
    }
  }

  @Test
  void connectingUnderResetStopsTheCoreAtItsResetVector() {
    SimulatedChip chip = TestChips.withPlainFlash(DEVICES.byName("F103xB").orElseThrow());
    try (ProbeConnection probe = connect(chip, true)) {
      assertTrue(chip.core().halted());
      assertEquals("F103xB", probe.target().device().name());
    }
  }

  @Test
  void aPlanRunsThroughTheProbeAndIsVerifiedByReadingBack() {
    Device f407 = DEVICES.byName("F407xG").orElseThrow();
    SimulatedChip chip = TestChips.withPlainFlash(f407);
    byte[] data = new byte[40_001];
    new Random(3).nextBytes(data);
    try (ProbeConnection probe = connect(chip, false)) {
      SwdTarget target = probe.target();
      Flasher.Report report = new Flasher(target, Progress.none()).execute(FlashPlan.of(
          FirmwareImage.of(0x0800_0003L, data), target.device(), EraseMode.TOUCHED,
          VerifyMode.AUTO, target.writeBlockSize()));
      assertEquals(VerifyMode.READBACK, ((VerifyResult.Match) report.verify()).method());
    }
    assertArrayEquals(data, chip.flash().array().read(0x0800_0003L, data.length));
  }

  @Test
  void goStartsOnlyFromTheStartOfFlash() {
    SimulatedChip chip = TestChips.withPlainFlash(DEVICES.byName("F407xG").orElseThrow());
    try (ProbeConnection probe = connect(chip, false)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> probe.target().go(0x0800_4000L));
      assertEquals("through a probe romflash starts the program with a reset, which runs it from"
          + " the start of flash (0x08000000), not from 0x08004000", e.getMessage());
      probe.target().go(0x0800_0000L);
      assertEquals(false, chip.core().halted());
    }
  }
}
