package org.romflash.swd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.dap.CmsisDap;
import org.romflash.swd.dap.DapTransport;
import org.romflash.swd.sim.SimulatedChip;
import org.romflash.swd.sim.SimulatedDapProbe;

class LinkCheckTest {

  /** A probe whose block reads return the first word over and over (a broken bulk path). */
  private static final class RepeatingReads implements DapTransport {
    private final SimulatedDapProbe inner;
    private boolean blockRead;

    RepeatingReads(SimulatedDapProbe inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return "repeating probe";
    }

    @Override
    public void send(byte[] command) {
      blockRead = command[0] == 0x06 && (command[4] & 2) != 0;
      inner.send(command);
    }

    @Override
    public byte[] receive() {
      byte[] r = inner.receive();
      if (blockRead && r.length > 8) {
        for (int i = 8; i + 4 <= r.length; i += 4) {
          System.arraycopy(r, 4, r, i, 4);
        }
      }
      return r;
    }

    @Override
    public void close() {}
  }

  @Test
  void aProbeWhoseBlockReadsRepeatOneWordIsCaughtBeforeAnythingIsErased() {
    SimulatedChip chip = new SimulatedChip(DeviceDatabase.bundled().byName("H743xI")
        .orElseThrow());
    byte[] firmware = new byte[4096];
    Arrays.fill(firmware, (byte) 0x5A);
    chip.flash().array().load(0x0800_0000L, firmware);
    DebugAccessException e = assertThrows(DebugAccessException.class,
        () -> ProbeConnection.open(CmsisDap.open(new RepeatingReads(new SimulatedDapProbe(chip))),
            DeviceDatabase.bundled(), ProbeConnection.Options.defaults(), note -> { }));
    assertEquals("the probe's block transfers are unreliable: at 0x20000004 it wrote 0xA1C71404"
        + " and read back 0xA5C30000 (RAM check before programming; nothing was erased): lower"
        + " --swd-clock or check the probe's wiring and firmware", e.getMessage());
    assertArrayEquals(firmware, chip.flash().array().read(0x0800_0000L, 4096));
  }

  @Test
  void aGoodLinkPassesAndLeavesRamAsItWas() {
    SimulatedChip chip = new SimulatedChip(DeviceDatabase.bundled().byName("F103xB")
        .orElseThrow());
    chip.bus().write32(0x2000_0010L, 0x1234_5678);
    try (ProbeConnection probe = ProbeConnection.open(CmsisDap.open(new SimulatedDapProbe(chip)),
        DeviceDatabase.bundled(), ProbeConnection.Options.defaults(), note -> { })) {
      assertEquals("F103xB", probe.target().device().name());
    }
    assertEquals(0x1234_5678, chip.bus().read32(0x2000_0010L));
  }
}
