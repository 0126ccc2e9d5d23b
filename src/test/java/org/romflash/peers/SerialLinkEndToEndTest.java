package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;
import org.romflash.flash.BootloaderTarget;
import org.romflash.flash.EraseMode;
import org.romflash.flash.FlashPlan;
import org.romflash.flash.Flasher;
import org.romflash.flash.Progress;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;
import org.romflash.image.FirmwareImage;
import org.romflash.link.Parity;
import org.romflash.link.SerialLink;
import org.romflash.link.SerialSettings;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.Timeouts;

/** Our own client, through jSerialComm on a real pseudo-terminal, programs the emulated chip. */
class SerialLinkEndToEndTest {
  @TempDir Path dir;

  @Test
  void clientFlashesAnF407ThroughJSerialCommOnAPty() throws Exception {
    Peers.require("socat");
    Device device = DeviceDatabase.bundled().byName("F407xG").orElseThrow();
    Chip chip = new Chip(device);
    EmulatorServer server = new EmulatorServer(chip, Emulator.Options.defaults());
    List<String> warnings = new ArrayList<>();
    try {
      Path pty = server.startPty(dir.resolve("tty"), w -> { }).hostPath();
      byte[] data = new byte[56 * 1024];
      new Random(7).nextBytes(data);
      FirmwareImage image = FirmwareImage.of(0x08004000L, data);
      SerialSettings settings = SerialSettings.defaults().withParity(Parity.NONE);
      try (SerialLink link = SerialLink.open(pty.toString(), settings, warnings::add)) {
        BootloaderClient client = new BootloaderClient(link, Timeouts.forBaud(settings.baud()));
        client.connect();
        assertEquals(0x413, client.getId());
        BootloaderTarget target = new BootloaderTarget(client, device, 3);
        FlashPlan plan = FlashPlan.of(image, device, EraseMode.TOUCHED, VerifyMode.AUTO, 256);
        Flasher.Report report = new Flasher(target, Progress.none()).execute(plan);
        // F407's bootloader has no Get Checksum: the RAM CRC routine found the four sectors blank
        // (no erase) and verified the data.
        assertEquals(new VerifyResult.Match(VerifyMode.CRC, data.length), report.verify());
        assertEquals(4, report.unitsBlank());
        // 0x08004000 + 56 KiB ends at 0x08011FFF: sectors 1, 2, 3 (16 KiB each) and 4 (64 KiB).
        assertEquals(List.of(1, 2, 3, 4), plan.eraseUnits().stream().map(u -> u.number()).toList());
      }
      assertArrayEquals(data, chip.peek(0x08004000L, data.length).orElseThrow());
      // A pty has no modem lines: warned once each, not a failure.
      assertEquals(List.of(
          pty + ": cannot drive DTR (this device has no DTR line); continuing without it",
          pty + ": cannot drive RTS (this device has no RTS line); continuing without it"),
          warnings);
    } finally {
      server.shutdown();
    }
  }

  @Test
  void readingAPortWhereNobodyAnswersTimesOutWithTheBytesCounted() throws Exception {
    Peers.require("socat");
    try (var pty = org.romflash.emulator.PseudoTerminal.create(dir.resolve("silent"));
        SerialLink link = SerialLink.open(pty.hostPath().toString(),
            SerialSettings.defaults().withParity(Parity.NONE), w -> { })) {
      org.romflash.link.LinkTimeoutException timeout = org.junit.jupiter.api.Assertions.assertThrows(
          org.romflash.link.LinkTimeoutException.class, () -> link.read(4, Duration.ofMillis(150)));
      assertEquals(0, timeout.received());
      assertEquals(4, timeout.expected());
    }
  }
}
