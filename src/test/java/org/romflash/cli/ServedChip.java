package org.romflash.cli;

import java.io.IOException;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;

/**
 * An emulated chip served on loopback TCP for CLI tests: the command runs against {@link #port()},
 * and the test checks {@link #chip()}'s state afterwards.
 */
record ServedChip(Chip chip, EmulatorServer server, String port) implements AutoCloseable {

  static ServedChip of(String device) throws IOException {
    return of(new Chip(DeviceDatabase.bundled().byName(device).orElseThrow()),
        Emulator.Options.defaults());
  }

  /** The device's chip with a bootloader that also lists Get Checksum (protocol v3.3). */
  static ServedChip withGetChecksum(String device) throws IOException {
    var entry = DeviceDatabase.bundled().byName(device).orElseThrow();
    return of(new Chip(entry),
        Emulator.Options.defaults().withProfile(entry.bootloader().withGetChecksum()));
  }

  static ServedChip of(Chip chip, Emulator.Options options) throws IOException {
    EmulatorServer server = new EmulatorServer(chip, options);
    return new ServedChip(chip, server, "tcp://127.0.0.1:" + server.startTcp(0));
  }

  @Override
  public void close() {
    server.close();
  }
}
