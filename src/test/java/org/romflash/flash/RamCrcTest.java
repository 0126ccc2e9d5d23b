package org.romflash.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.RamCode;
import org.romflash.image.Segment;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.Timeouts;

/**
 * The RAM CRC routine driven through the emulated bootloader: the answers, the batching, and
 * every way it falls back to reading back (or, for a chip that never returns, says so).
 */
class RamCrcTest {
  private static final DeviceDatabase DB = DeviceDatabase.bundled();
  private static final Timeouts FAST = Timeouts.forBaud(115200).withReply(Duration.ofMillis(200));

  @Test
  void theChipComputesTheCrcsOfEveryRangeAndIsBackInItsBootloader() {
    Device f103 = DB.byName("F103xB").orElseThrow();
    try (Emulator.Simulation sim = simulate(f103, RamCode.RUN)) {
      byte[] data = random(64 * 1024, 1);
      sim.chip().load(0x08000000L, data);
      BootloaderTarget target = target(sim, f103, new ArrayList<>());
      List<CrcRange> ranges = List.of(new CrcRange(0x08000000L, 1024),
          new CrcRange(0x08000400L, 60 * 1024), new CrcRange(0x0800F004L, 4));
      int[] crcs = target.checksums(ranges);
      for (int i = 0; i < ranges.size(); i++) {
        CrcRange r = ranges.get(i);
        assertEquals(Crc32Stm32.of(sim.chip().peek(r.address(), (int) r.length()).orElseThrow()),
            crcs[i], "range " + i);
      }
      assertArrayEquals(java.util.Arrays.copyOf(data, 16), target.read(0x08000000L, 16),
          "the bootloader answers again after the routine");
    }
  }

  @Test
  void moreRangesThanTheFreeRamHoldsAreSplitIntoSeveralRuns() {
    Device f031 = DB.byName("F031x6").orElseThrow(); // 2 KiB free above the bootloader's RAM
    try (Emulator.Simulation sim = simulate(f031, RamCode.RUN)) {
      sim.chip().load(0x08000000L, random(32 * 1024, 2));
      List<CrcRange> ranges = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        ranges.add(new CrcRange(0x08000000L + 100L * i, 64));
      }
      int[] crcs = target(sim, f031, new ArrayList<>()).checksums(ranges);
      for (int i = 0; i < ranges.size(); i++) {
        assertEquals(Crc32Stm32.of(sim.chip().peek(ranges.get(i).address(), 64).orElseThrow()),
            crcs[i], "range " + i);
      }
    }
  }

  @Test
  void aChipWithNoFreeRamAboveTheBootloaderIsReadBack() {
    Device l011 = DB.byName("L011x4").orElseThrow(); // the bootloader uses all 2 KiB
    try (Emulator.Simulation sim = simulate(l011, RamCode.RUN)) {
      assertFalse(target(sim, l011, new ArrayList<>()).offersChecksum());
    }
  }

  @Test
  void anEmulatorThatCannotRunCodeLeavesNoAnswerAndVerifyReadsBack() {
    Device f103 = DB.byName("F103xB").orElseThrow();
    try (Emulator.Simulation sim = simulate(f103, RamCode.RESTART)) {
      byte[] data = random(8 * 1024, 3);
      sim.chip().load(0x08000000L, data);
      List<String> notes = new ArrayList<>();
      BootloaderTarget target = target(sim, f103, notes);
      VerifyResult result = Verifier.verify(target, List.of(new Segment(0x08000000L, data)),
          VerifyMode.AUTO, Progress.none());
      assertEquals(new VerifyResult.Match(VerifyMode.READBACK, data.length), result);
      assertEquals(List.of("romflash's RAM CRC routine cannot be used on this chip: the routine"
          + " ran but left no answer; reading back instead"), notes);
      assertFalse(target.offersChecksum(), "not tried again in the same session");
    }
  }

  @Test
  void aVectorTableThatDoesNotLookRightIsNeverJumpedThrough() {
    Device f103 = DB.byName("F103xB").orElseThrow();
    try (Emulator.Simulation sim = simulate(f103, RamCode.RUN)) {
      sim.chip().load(f103.bootloaderVectorTable(), new byte[8]);
      List<String> notes = new ArrayList<>();
      BootloaderTarget target = target(sim, f103, notes);
      assertThrows(ChecksumUnavailableException.class,
          () -> target.checksums(List.of(new CrcRange(0x08000000L, 4096))));
      assertEquals(List.of("romflash's RAM CRC routine cannot be used on this chip: the words at"
          + " 0x1FFFF000 (SP 0x00000000, reset 0x00000000) are not the bootloader's vector table;"
          + " reading back instead"), notes);
      assertArrayEquals(new byte[16], sim.chip().peek(0x20000200L, 16).orElseThrow(),
          "nothing was uploaded");
    }
  }

  @Test
  void aChipThatNeverComesBackIsReportedAsLost() {
    Device f103 = DB.byName("F103xB").orElseThrow();
    try (Emulator.Simulation sim = simulate(f103, RamCode.DEAF)) {
      BootloaderTarget target = target(sim, f103, new ArrayList<>());
      ChipLostException lost = assertThrows(ChipLostException.class,
          () -> target.checksums(List.of(new CrcRange(0x08000000L, 4096))));
      assertTrue(lost.getMessage().startsWith("the chip did not come back to its bootloader within"
          + " 1.1 s after romflash's RAM CRC routine was started at 0x20000200"),
          lost.getMessage());
    }
  }

  @Test
  void aChipThatNeverComesBackIsResetThroughTheEntrySequenceAndReadBack() {
    Device f103 = DB.byName("F103xB").orElseThrow();
    try (Emulator.Simulation sim = simulate(f103, RamCode.DEAF)) {
      byte[] data = random(8 * 1024, 6);
      sim.chip().load(0x08000000L, data);
      List<String> notes = new ArrayList<>();
      BootloaderTarget target = target(sim, f103, notes);
      target.reenterWith(sim.emulator()::pressReset);
      VerifyResult result = Verifier.verify(target, List.of(new Segment(0x08000000L, data)),
          VerifyMode.AUTO, Progress.none());
      assertEquals(new VerifyResult.Match(VerifyMode.READBACK, data.length), result);
      assertEquals(List.of("romflash's RAM CRC routine cannot be used on this chip: the chip did"
          + " not come back after the routine and was reset into its bootloader through the entry"
          + " sequence; reading back instead"), notes);
      assertEquals(1, sim.chip().resets());
    }
  }

  @Test
  void aRefusedGoLeavesTheChipInItsBootloaderAndVerifyReadsBack() {
    Device f103 = DB.byName("F103xB").orElseThrow();
    try (Emulator.Simulation sim = simulate(f103, RamCode.RUN)) {
      byte[] data = random(8 * 1024, 7);
      sim.chip().load(0x08000000L, data);
      BootloaderClient client = new BootloaderClient(new RefusesGo(sim.hostLink()), FAST);
      client.connect();
      List<String> notes = new ArrayList<>();
      BootloaderTarget target = new BootloaderTarget(client, f103, 3, notes::add);
      VerifyResult result = Verifier.verify(target, List.of(new Segment(0x08000000L, data)),
          VerifyMode.AUTO, Progress.none());
      assertEquals(new VerifyResult.Match(VerifyMode.READBACK, data.length), result);
      assertEquals(List.of("romflash's RAM CRC routine cannot be used on this chip: the bootloader"
          + " refused the routine (Go (0x21): the bootloader answered NACK at the command stage);"
          + " reading back instead"), notes);
      assertFalse(sim.emulator().leftBootloader());
    }
  }

  /** Does not pass Go on to the chip, and answers it NACK itself, as a bootloader without Go. */
  private static final class RefusesGo extends ForwardingLink {
    private boolean refuse;

    RefusesGo(org.romflash.link.Link delegate) {
      super(delegate);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      if (length == 2 && data[offset] == 0x21 && data[offset + 1] == (byte) 0xDE) {
        refuse = true;
        return;
      }
      super.write(data, offset, length);
    }

    @Override
    public void read(byte[] buffer, int offset, int length, java.time.Duration timeout) {
      if (refuse) {
        refuse = false;
        buffer[offset] = 0x1F;
        if (length > 1) {
          super.read(buffer, offset + 1, length - 1, timeout);
        }
        return;
      }
      super.read(buffer, offset, length, timeout);
    }
  }

  private static Emulator.Simulation simulate(Device device, RamCode ramCode) {
    return Emulator.simulate(device, Emulator.Options.defaults().withRamCode(ramCode));
  }

  private static BootloaderTarget target(Emulator.Simulation sim, Device device,
      List<String> notes) {
    BootloaderClient client = new BootloaderClient(sim.hostLink(), FAST);
    client.connect();
    return new BootloaderTarget(client, device, 3, notes::add);
  }

  private static byte[] random(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
