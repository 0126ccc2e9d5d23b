package org.romflash.emulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.romflash.device.DeviceDatabase;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.Timeouts;

/** The realistic timing model charges the wire: speed cannot come from a kind emulator. */
class EmulatorTimingTest {

  @Test
  void a256ByteWriteAt115200CannotFinishFasterThanItsWireTime() {
    var device = DeviceDatabase.bundled().byName("F103xB").orElseThrow();
    var options = Emulator.Options.defaults().synchronised(true)
        .withTiming(TimingModel.realistic(115_200, Duration.ofMillis(1)));
    try (Emulator.Simulation sim = Emulator.simulate(device, options)) {
      BootloaderClient client = new BootloaderClient(sim.hostLink(), Timeouts.forBaud(115_200));
      long start = System.nanoTime();
      client.writeMemory(0x08000000L, new byte[256]);
      long elapsed = System.nanoTime() - start;
      // Bytes on the wire: 31 CE, 79, 5 address bytes, 79, 258 data-frame bytes, 79 = 268 bytes,
      // 11 bits each at 115200 baud = 25.6 ms, plus three 1 ms turnarounds and 128 half-words of
      // programming at 52.5 us (6.7 ms).
      long wire = 268L * 11 * 1_000_000_000L / 115_200;
      assertTrue(elapsed >= wire, "took " + elapsed / 1000 + " us, the wire alone needs "
          + wire / 1000 + " us");
    }
  }

  /**
   * The turnaround latency delays each reply on its way to the host, not the chip: a host that
   * waits for every ACK pays it three times per Write Memory, one that sends the frames in one
   * burst at least once. Neither can beat the wire. (What the burst saves is measured by
   * bench/uart-bench, not asserted here.)
   */
  @Test
  void latencyIsPaidPerReplyTheHostWaitsFor() {
    var device = DeviceDatabase.bundled().byName("F407xG").orElseThrow();
    Duration latency = Duration.ofMillis(16);
    var options = Emulator.Options.defaults().synchronised(true)
        .withTiming(TimingModel.realistic(115_200, latency));
    try (Emulator.Simulation sim = Emulator.simulate(device, options)) {
      BootloaderClient client = new BootloaderClient(sim.hostLink(), Timeouts.forBaud(115_200));
      byte[] block = new byte[256];
      java.util.Arrays.fill(block, (byte) 0x5A);
      long wire = 268L * 11 * 1_000_000_000L / 115_200;
      client.sendAhead(false);
      long waited = timed(() -> client.writeMemory(0x08000000L, block));
      client.sendAhead(true);
      long burst = timed(() -> client.writeMemory(0x08000100L, block));
      assertTrue(waited >= wire + 3 * latency.toNanos(), "stop-and-wait took " + waited / 1000
          + " us");
      assertTrue(burst >= wire + latency.toNanos(), "the burst took " + burst / 1000 + " us");
    }
  }

  private static long timed(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return System.nanoTime() - start;
  }

  /**
   * A host that sends the next command while the chip is still programming: the USART's single
   * receive register keeps the first byte (0x11) and loses the rest (0xEE and the address), so the
   * Read Memory is acknowledged only once its complement is sent again.
   */
  @Test
  void bytesSentWhileTheChipProgramsAreLostButTheFirst() {
    var device = DeviceDatabase.bundled().byName("F103xB").orElseThrow();
    var options = Emulator.Options.defaults().synchronised(true)
        .withTiming(TimingModel.realistic(1_000_000, Duration.ZERO));
    try (Emulator.Simulation sim = Emulator.simulate(device, options)) {
      var link = sim.hostLink();
      link.write((byte) 0x31, (byte) 0xCE);
      org.junit.jupiter.api.Assertions.assertEquals(0x79, link.readByte(Duration.ofSeconds(1)));
      link.write((byte) 0x08, (byte) 0x00, (byte) 0x00, (byte) 0x00, (byte) 0x08);
      org.junit.jupiter.api.Assertions.assertEquals(0x79, link.readByte(Duration.ofSeconds(1)));
      byte[] frame = new byte[258];
      frame[0] = (byte) 255;
      byte check = frame[0];
      for (int i = 1; i <= 256; i++) {
        frame[i] = (byte) i;
        check ^= frame[i];
      }
      frame[257] = check;
      link.write(frame);
      link.write((byte) 0x11, (byte) 0xEE, (byte) 0x08, (byte) 0x00, (byte) 0x00, (byte) 0x00);
      org.junit.jupiter.api.Assertions.assertEquals(0x79, link.readByte(Duration.ofSeconds(1)),
          "the write is acknowledged");
      org.junit.jupiter.api.Assertions.assertThrows(org.romflash.link.LinkTimeoutException.class,
          () -> link.readByte(Duration.ofMillis(300)), "0xEE was lost: no ACK for 0x11 yet");
      link.write((byte) 0xEE);
      org.junit.jupiter.api.Assertions.assertEquals(0x79, link.readByte(Duration.ofSeconds(1)),
          "0x11 was kept in the receive register");
    }
  }
}
