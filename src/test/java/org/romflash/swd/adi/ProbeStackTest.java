package org.romflash.swd.adi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.dap.CmsisDap;
import org.romflash.swd.dap.Transfer;
import org.romflash.swd.dap.TransferFailedException;
import org.romflash.swd.sim.SimulatedChip;
import org.romflash.swd.sim.SimulatedDapProbe;
import org.romflash.swd.sim.TestChips;

/** CMSIS-DAP, SW-DP, MEM-AP and the Cortex-M registers against the simulated probe and chip. */
class ProbeStackTest {
  private static final Device F407 = DeviceDatabase.bundled().byName("F407xG").orElseThrow();

  private final SimulatedChip chip = TestChips.withPlainFlash(F407);
  private final SimulatedDapProbe probe = new SimulatedDapProbe(chip);
  private final CmsisDap dap = CmsisDap.open(probe);

  @Test
  void theProbeReportsItsPacketSizeCountAndStrings() {
    assertEquals(64, dap.packetSize());
    assertEquals(4, dap.packetCount());
    assertEquals("SIM0001", dap.infoText(CmsisDap.INFO_SERIAL));
  }

  @Test
  void nothingAnswersBeforeLineResetAndTheSwitchSequence() {
    dap.connectSwd();
    TransferFailedException e = assertThrows(TransferFailedException.class,
        () -> dap.transfer(List.of(Transfer.readDp(0))));
    assertEquals(TransferFailedException.Ack.NO_ACK, e.ack());
    assertEquals(0x2BA0_1477, DebugPort.connect(dap, 1_000_000).idcode());
  }

  @Test
  void wordsHalfWordsAndBytesGoToTheirAddresses() {
    MemAp ap = new MemAp(DebugPort.connect(dap, 4_000_000), 0);
    ap.write32(0x2000_0000L, 0x1122_3344);
    ap.write16(0x2000_0006L, 0xBEEF);
    ap.write8(0x2000_0005L, 0x7A);
    assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11, 0, 0x7A, (byte) 0xEF, (byte) 0xBE},
        chip.bus().read(0x2000_0000L, 8));
    assertEquals(0xBEEF, ap.read16(0x2000_0006L));
    assertEquals(0x7A, ap.read8(0x2000_0005L));
    assertEquals(0x2477_0011, ap.idr());
  }

  @Test
  void blockTransfersAreCutAtOneKibBoundariesSoTheAutoIncrementNeverWraps() {
    MemAp ap = new MemAp(DebugPort.connect(dap, 4_000_000), 0);
    byte[] data = new byte[3000];
    new Random(5).nextBytes(data);
    ap.write(0x2000_03F0L, data, 4);
    assertArrayEquals(data, chip.bus().read(0x2000_03F0L, 3000));
    assertArrayEquals(data, ap.read(0x2000_03F0L, 3000));
    byte[] ragged = ap.read(0x2000_03F1L, 7);
    assertArrayEquals(java.util.Arrays.copyOfRange(data, 1, 8), ragged);
  }

  @Test
  void theSimulatedTarWrapsWithinItsKibAsAdiv5Allows() {
    DebugPort dp = DebugPort.connect(dap, 4_000_000);
    dp.ap(0, List.of(DebugPort.ApAccess.write(MemAp.CSW, MemAp.CSW_BASE | 2),
        DebugPort.ApAccess.write(MemAp.TAR, 0x2000_03F8)));
    dap.writeBlock(true, MemAp.DRW, new int[] {1, 2, 3});
    assertEquals(3, chip.bus().read32(0x2000_0000L), "the third word wrapped to the block's start");
  }

  @Test
  void aBusFaultNamesTheAddressAndTheNextAccessWorks() {
    MemAp ap = new MemAp(DebugPort.connect(dap, 4_000_000), 0);
    DebugAccessException e = assertThrows(DebugAccessException.class,
        () -> ap.read32(0x6000_0000L));
    assertEquals("debug access at 0x60000000 failed: the target answered FAULT (a bus fault:"
        + " nothing there, or its clock is off)", e.getMessage());
    ap.write32(0x2000_0010L, 42);
    assertEquals(42, ap.read32(0x2000_0010L));
  }

  @Test
  void pipelinedTransfersKeepTheirOrder() {
    DebugPort dp = DebugPort.connect(dap, 4_000_000);
    MemAp ap = new MemAp(dp, 0);
    for (int i = 0; i < 64; i++) {
      chip.bus().write32(0x2000_0000L + 4 * i, i * 3);
    }
    List<Transfer> reads = new java.util.ArrayList<>();
    reads.add(Transfer.writeAp(MemAp.TAR, 0x2000_0000));
    for (int i = 0; i < 64; i++) {
      reads.add(Transfer.readAp(MemAp.DRW));
    }
    ap.read32(0x2000_0000L);
    int before = probe.packets();
    int[] values = dap.transfer(reads);
    assertEquals(64, values.length);
    for (int i = 0; i < 64; i++) {
      assertEquals(i * 3, values[i]);
    }
    assertTrue(probe.packets() - before >= 5, "several packets in flight");
  }

  @Test
  void haltResetAndHaltAndRun() {
    CortexM core = new CortexM(new MemAp(DebugPort.connect(dap, 4_000_000), 0));
    assertEquals(false, core.halted());
    core.halt();
    assertTrue(core.halted());
    core.resume();
    assertEquals(false, core.halted());
    core.resetAndHalt();
    assertTrue(chip.core().halted(), "stopped at the reset vector");
    core.resetAndRun();
    assertEquals(false, chip.core().halted());
  }

  @Test
  void theH7sD2SramFaultsUntilItsClockIsOnAndAgainAfterReset() {
    SimulatedChip h7 = TestChips.withPlainFlash(
        DeviceDatabase.bundled().byName("H743xI").orElseThrow());
    CmsisDap h7Dap = CmsisDap.open(new SimulatedDapProbe(h7));
    MemAp ap = new MemAp(DebugPort.connect(h7Dap, 4_000_000), 0);
    DebugAccessException e = assertThrows(DebugAccessException.class,
        () -> ap.write32(0x3000_0200L, 0x1234));
    assertTrue(e.getMessage().startsWith("debug access at 0x30000200 failed"), e.getMessage());
    ap.write32(0x5802_44DCL, 7 << 29);
    ap.write32(0x3000_0200L, 0x1234);
    assertEquals(0x1234, ap.read32(0x3000_0200L));
    new CortexM(ap).resetAndHalt();
    assertThrows(DebugAccessException.class, () -> ap.read32(0x3000_0200L));
  }
}
