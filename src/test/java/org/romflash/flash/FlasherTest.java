package org.romflash.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.EraseUnit;
import org.romflash.emulator.Emulator;
import org.romflash.image.FirmwareImage;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.Timeouts;

/** What a re-flash asks of the chip: the CRCs it needs, and no more. */
class FlasherTest {
  private static final Device G071 = DeviceDatabase.bundled().byName("G071xB").orElseThrow();

  @Test
  void aReflashVerifiesOnlyTheUnitItRewroteAndCountsTheMatchingOnesAsVerified() {
    var options = Emulator.Options.defaults().withProfile(G071.bootloader().withGetChecksum());
    try (Emulator.Simulation sim = Emulator.simulate(G071, options)) {
      BootloaderClient client = new BootloaderClient(sim.hostLink(),
          Timeouts.forBaud(115200).withReply(Duration.ofMillis(200)));
      client.connect();
      Recording target = new Recording(new BootloaderTarget(client, G071, 3));
      byte[] data = new byte[16 * 1024];
      new Random(4).nextBytes(data);
      flash(target, data);
      data[5000] ^= 1; // in the third 2 KiB page
      target.ranges.clear();
      Flasher.Report report = flash(target, data);
      assertEquals(List.of(7, 1), List.of(report.unitsMatching(), report.unitsErased()));
      List<CrcRange> perUnit = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        perUnit.add(new CrcRange(0x08000000L + 2048L * i, 2048));
      }
      perUnit.add(new CrcRange(0x08001000L, 2048)); // the verify: the rewritten page only
      assertEquals(perUnit, target.ranges);
      assertEquals(new VerifyResult.Match(VerifyMode.CRC, data.length), report.verify());
    }
  }

  private static Flasher.Report flash(FlashTarget target, byte[] data) {
    FlashPlan plan = FlashPlan.of(FirmwareImage.of(0x08000000L, data), G071, EraseMode.TOUCHED,
        VerifyMode.AUTO, 256);
    return new Flasher(target, Progress.none()).execute(plan);
  }

  /** Passes everything to the chip and records the ranges whose CRC was asked for. */
  private static final class Recording implements FlashTarget {
    private final FlashTarget inner;
    private final List<CrcRange> ranges = new ArrayList<>();

    Recording(FlashTarget inner) {
      this.inner = inner;
    }

    @Override
    public Device device() {
      return inner.device();
    }

    @Override
    public byte[] read(long address, int length) {
      return inner.read(address, length);
    }

    @Override
    public void write(long address, byte[] block) {
      inner.write(address, block);
    }

    @Override
    public int writeBlockSize() {
      return inner.writeBlockSize();
    }

    @Override
    public void erase(List<EraseUnit> units) {
      inner.erase(units);
    }

    @Override
    public void massErase() {
      inner.massErase();
    }

    @Override
    public boolean offersChecksum() {
      return inner.offersChecksum();
    }

    @Override
    public int checksum(long address, long length) {
      ranges.add(new CrcRange(address, length));
      return inner.checksum(address, length);
    }

    @Override
    public void go(long address) {
      inner.go(address);
    }
  }
}
