package org.romflash.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.FaultPlan;
import org.romflash.image.FirmwareImage;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.BootloaderException;
import org.romflash.protocol.Timeouts;

/**
 * Seeded line faults (lost bytes, flipped bits, spurious NACKs) while flashing: whatever happens,
 * a run that reports success has left exactly the image on the chip. A run may fail, loudly.
 */
class FaultInjectionTest {
  private static final Device G071 = DeviceDatabase.bundled().byName("G071xB").orElseThrow();
  private static final AtomicInteger SUCCEEDED = new AtomicInteger();
  private static final AtomicInteger TRIED = new AtomicInteger();

  @Property(tries = 25)
  void aRunThatSucceedsLeavesExactlyTheImageOnTheChip(@ForAll @LongRange(min = 1, max = 1_000_000)
      long seed) {
    byte[] data = new byte[6 * 1024];
    new Random(seed).nextBytes(data);
    FirmwareImage image = FirmwareImage.of(0x08001000L, data);
    FaultPlan faults = new FaultPlan(seed, 0.0005, 0.0005, 0.003, 16);
    try (Emulator.Simulation sim = Emulator.simulate(G071,
        Emulator.Options.defaults().withFaults(faults))) {
      Timeouts timeouts = Timeouts.forBaud(115200).withReply(Duration.ofMillis(80));
      timeouts = new Timeouts(timeouts.reply(), Duration.ofMillis(40), 6, timeouts.byteTime(),
          Duration.ofMillis(80), Duration.ofMillis(200), Duration.ofMillis(1),
          Duration.ofSeconds(1));
      BootloaderClient client = new BootloaderClient(sim.hostLink(), timeouts);
      TRIED.incrementAndGet();
      try {
        client.connect();
        FlashPlan plan = FlashPlan.of(image, G071, EraseMode.TOUCHED, VerifyMode.READBACK, 256);
        Flasher.Report report = new Flasher(new BootloaderTarget(client, G071, 6), Progress.none())
            .execute(plan);
        assertInstanceOf(VerifyResult.Match.class, report.verify());
        assertArrayEquals(data, sim.chip().peek(0x08001000L, data.length).orElseThrow(),
            "success was reported, so the chip must hold the image (seed " + seed + ")");
        SUCCEEDED.incrementAndGet();
      } catch (BootloaderException | VerifyFailedException | ChipLostException failure) {
        // A loud failure is an acceptable outcome; a silent wrong one is not.
      }
    }
  }

  @AfterContainer
  static void mostRunsGetThroughTheFaults() {
    assertTrue(SUCCEEDED.get() * 10 >= TRIED.get() * 8, SUCCEEDED + " of " + TRIED
        + " runs succeeded: retries and recovery should carry most runs through these rates");
  }
}
