package org.romflash.cli;

import picocli.CommandLine.Option;

/** How to reach the chip: the port, and how to talk over it. Shared by the commands that talk to one. */
final class ConnectionOptions extends LinkOptions {

  @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "${env:ROMFLASH_PORT}",
      description = {"Serial device (/dev/ttyUSB0, COM3), tcp://HOST:PORT for a raw TCP serial"
          + " server, or sim:DEVICE for the built-in emulated chip (e.g. sim:F103xB).",
          "Default: $ROMFLASH_PORT, else sim:F103xB."})
  String port;

  @picocli.CommandLine.Mixin ProbeOptions probe = new ProbeOptions();

  /** Whether --port (or $ROMFLASH_PORT) names a port. */
  boolean portGiven() {
    return port != null && !port.isBlank();
  }

  String portOrDefault() {
    return port == null || port.isBlank() ? "sim:F103xB" : port;
  }
}
