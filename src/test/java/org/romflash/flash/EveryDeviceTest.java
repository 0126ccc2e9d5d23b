package org.romflash.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.EraseUnit;
import org.romflash.emulator.Emulator;
import org.romflash.image.FirmwareImage;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.Timeouts;

/**
 * Every database entry, as an emulated chip, is identified, takes an image at both ends of its
 * flash, and verifies it: the entry's layout, program word and erase rules hold together.
 */
class EveryDeviceTest {
  static Stream<Device> devices() {
    return DeviceDatabase.bundled().all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void anImageAtBothEndsOfTheFlashIsWrittenAndVerified(Device device) {
    List<EraseUnit> units = device.flash().units();
    EraseUnit last = units.get(units.size() - 1);
    Random random = new Random(device.pid());
    byte[] head = new byte[300];
    byte[] tail = new byte[200];
    random.nextBytes(head);
    random.nextBytes(tail);
    FirmwareImage image = FirmwareImage.builder().add(device.flash().base(), head)
        .add(last.end() - tail.length, tail).build();
    try (Emulator.Simulation sim = Emulator.simulate(device, Emulator.Options.defaults())) {
      BootloaderClient client = new BootloaderClient(sim.hostLink(),
          Timeouts.forBaud(115200).withReply(Duration.ofMillis(500)));
      client.connect();
      ChipIdentity identity = ChipIdentity.identify(client::readMemory,
          DeviceDatabase.bundled().byPid(client.getId()));
      assertEquals(device.name(), identity.entry().name());
      BootloaderTarget target = new BootloaderTarget(client, identity.device(), 2);
      FlashPlan plan = FlashPlan.of(image, identity.device(), EraseMode.TOUCHED, VerifyMode.AUTO,
          target.writeBlockSize());
      Flasher.Report report = new Flasher(target, Progress.none()).execute(plan);
      assertInstanceOf(VerifyResult.Match.class, report.verify());
      assertArrayEquals(tail, sim.chip().peek(last.end() - tail.length, tail.length).orElseThrow());
    }
  }
}
