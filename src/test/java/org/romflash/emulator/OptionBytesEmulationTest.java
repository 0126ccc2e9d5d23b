package org.romflash.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.Timeouts;

/** The emulated chip takes its read-protection level from the option bytes it reloads. */
class OptionBytesEmulationTest {
  private static final Device F103 = DeviceDatabase.bundled().byName("F103xB").orElseThrow();

  @Test
  void aWrongComplementLoadsReadProtectionAsAnOptionByteError() {
    try (Emulator.Simulation sim = Emulator.simulate(F103, Emulator.Options.defaults())) {
      BootloaderClient client = new BootloaderClient(sim.hostLink(), Timeouts.forBaud(115200));
      client.connect();
      byte[] bad = sim.chip().optionImage().bytes();
      bad[2] = (byte) 0xFB;
      client.writeOptionBytes(0x1FFFF800L, bad);
      assertEquals(1, sim.chip().readProtectionLevel());
    }
  }

  @Test
  void theRdpFieldFollowsTheLevelAndTheLevelFollowsAWrittenRdpField() {
    try (Emulator.Simulation sim = Emulator.simulate(F103, Emulator.Options.defaults())) {
      sim.chip().setReadProtectionLevel(1);
      assertEquals(0xBB, sim.chip().optionImage().bytes()[0] & 0xFF);
      assertEquals(0x44, sim.chip().optionImage().bytes()[1] & 0xFF);
      sim.chip().setReadProtectionLevel(0);
      BootloaderClient client = new BootloaderClient(sim.hostLink(), Timeouts.forBaud(115200));
      client.connect();
      byte[] protect = sim.chip().optionImage().bytes();
      protect[0] = 0x00;
      protect[1] = (byte) 0xFF;
      client.writeOptionBytes(0x1FFFF800L, protect);
      assertEquals(1, sim.chip().readProtectionLevel());
    }
  }
}
