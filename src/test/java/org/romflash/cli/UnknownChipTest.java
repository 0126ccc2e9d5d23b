package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;

/** A chip whose product ID the database lacks: info still tells what it can, nothing is written. */
class UnknownChipTest {
  @TempDir Path dir;

  /** A copy of the F103 entry under a product ID no STM32 has, served on loopback TCP. */
  private EmulatorServer serveUnknownChip() throws Exception {
    String f1 = new String(DeviceDatabase.class.getClassLoader()
        .getResourceAsStream("devices/stm32f1.yaml").readAllBytes(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("mystery.yaml"), f1.replace("pid: 0x410", "pid: 0x7AB")
        .replace("name: F103xB", "name: MYSTERY"));
    Device mystery = DeviceDatabase.withUserDirectories(java.util.List.of(dir)).byName("MYSTERY")
        .orElseThrow();
    return new EmulatorServer(new Chip(mystery), Emulator.Options.defaults());
  }

  @Test
  void infoShowsTheBootloaderAndProductIdThenExitsEight() throws Exception {
    try (EmulatorServer server = serveUnknownChip()) {
      int port = server.startTcp(0);
      Cli cli = Cli.run("info", "--port", "tcp://127.0.0.1:" + port);
      assertEquals(8, cli.exitCode(), cli.toString());
      assertTrue(cli.out().contains("Bootloader:       protocol v2.2\n"), cli.out());
      assertTrue(cli.out().contains("Product ID:       0x7AB\nDevice:           unknown: product ID"
          + " 0x7AB is not in the device database\nRead protection:  inactive (level 0)\n"),
          cli.out());
      assertTrue(cli.err().startsWith("error: product ID 0x7AB is not in the device database, so"
          + " romflash cannot program this chip safely\nhint: add a device file"), cli.err());
    }
  }

  @Test
  void writeToAnUnknownChipChangesNothing() throws Exception {
    try (EmulatorServer server = serveUnknownChip()) {
      int port = server.startTcp(0);
      Path image = dir.resolve("a.bin");
      Files.write(image, new byte[] {1, 2, 3, 4});
      Cli cli = Cli.run("write", image.toString(), "--port", "tcp://127.0.0.1:" + port);
      assertEquals(8, cli.exitCode(), cli.toString());
      assertTrue(cli.err().contains("error: the chip reports product ID 0x7AB, which is not in the"
          + " device database"), cli.err());
      assertEquals(-1, server.chip().peek(0x08000000L, 1).orElseThrow()[0]);
    }
  }

  @Test
  void theUsersOwnDeviceFileMakesTheChipKnown() throws Exception {
    try (EmulatorServer server = serveUnknownChip()) {
      int port = server.startTcp(0);
      Cli cli = Cli.run("info", "--port", "tcp://127.0.0.1:" + port, "--devices", dir.toString());
      assertEquals(0, cli.exitCode(), cli.toString());
      assertTrue(cli.out().contains("Device:           STM32MYSTERY ("), cli.out());
    }
  }
}
