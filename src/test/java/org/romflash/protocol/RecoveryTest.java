package org.romflash.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;

/**
 * After a frame lost bytes on the way, recover() must bring the bootloader back to command state
 * without the padding it sends being taken as a command of its own. The half-sent frame itself may
 * still complete into a valid one (its own bytes are arbitrary, so about 1 in 256 do): then it acts
 * only at the address the chip had already accepted, which the final verification covers.
 */
class RecoveryTest {
  private Emulator.Simulation sim;

  @AfterEach
  void close() {
    sim.close();
  }

  @ParameterizedTest(name = "{0} bytes of a frame sent")
  @ValueSource(ints = {1, 2, 3, 5, 6, 100, 200})
  void recoveryAfterAHalfSentFrameTouchesNothingElseAndLeavesTheChipListening(int sentBytes) {
    sim = Emulator.simulate(DeviceDatabase.bundled().byName("F103xB").orElseThrow(),
        Emulator.Options.defaults().synchronised(true));
    BootloaderClient client = new BootloaderClient(sim.hostLink(),
        Timeouts.forBaud(115200).withReply(Duration.ofMillis(200)));
    // A Write Memory that lost bytes after its address: the chip waits for N, data and checksum.
    sim.hostLink().write((byte) 0x31, (byte) 0xCE);
    sim.hostLink().read(1, Duration.ofSeconds(1));
    sim.hostLink().write(Frames.address(0x08000400L));
    sim.hostLink().read(1, Duration.ofSeconds(1));
    byte[] partial = new byte[sentBytes];
    new java.util.Random(sentBytes).nextBytes(partial);
    partial[0] = (byte) 0xFF;
    sim.hostLink().write(partial);

    client.recover();

    assertEquals(0x410, client.getId());
    byte[] erased = new byte[0x400];
    Arrays.fill(erased, (byte) 0xFF);
    assertArrayEquals(erased, sim.chip().peek(0x08000000L, 0x400).orElseThrow());
    byte[] rest = new byte[128 * 1024 - 0x500];
    Arrays.fill(rest, (byte) 0xFF);
    assertArrayEquals(rest, sim.chip().peek(0x08000500L, rest.length).orElseThrow());
    assertFalse(sim.chip().anyWriteProtected());
    assertEquals(0, sim.chip().resets());
  }

  @ParameterizedTest(name = "recovery from command state with {0} stray bytes")
  @ValueSource(ints = {0, 1})
  void recoveryFromCommandStateSendsNothingTheChipActsOn(int stray) {
    sim = Emulator.simulate(DeviceDatabase.bundled().byName("G071xB").orElseThrow(),
        Emulator.Options.defaults().synchronised(true));
    BootloaderClient client = new BootloaderClient(sim.hostLink(),
        Timeouts.forBaud(115200).withReply(Duration.ofMillis(200)));
    if (stray == 1) {
      sim.hostLink().write((byte) 0x44);
    }
    client.recover();
    assertEquals(0x460, client.getId());
    assertEquals(0, sim.chip().resets());
    assertFalse(sim.chip().anyWriteProtected());
  }
}
