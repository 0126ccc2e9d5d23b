package org.romflash.cli;

import picocli.CommandLine.Option;

/** Which path reaches the chip: the ROM bootloader over a serial port, or a debug probe. */
final class ProbeOptions {
  /** The paths. */
  enum Via { auto, uart, swd }

  @Option(names = "--via", paramLabel = "auto|uart|swd", defaultValue = "auto",
      description = {"Reach the chip through its ROM bootloader (uart), a debug probe (swd), or"
          + " auto (default): the bootloader when --port is given, and the probe (--probe, or the"
          + " one CMSIS-DAP probe on USB) when the bootloader does not answer; the probe alone"
          + " when only --probe is given."})
  Via via = Via.auto;

  @Option(names = "--probe", paramLabel = "PROBE",
      description = {"Debug probe: cmsis-dap[:SERIAL] (USB), gdb:HOST:PORT (OpenOCD, pyOCD,"
          + " probe-rs, st-util), gdb:/dev/ttyACM0 (Black Magic Probe), or sim:DEVICE (the"
          + " built-in simulated probe and chip, e.g. sim:F407xG)."})
  String probe;

  @Option(names = "--swd-clock", paramLabel = "HZ", defaultValue = "4000000",
      description = "SWCLK frequency for CMSIS-DAP probes (default: ${DEFAULT-VALUE}).")
  int swdClock = 4_000_000;

  @Option(names = "--connect-under-reset", description = "Hold NRST while connecting through a"
      + " CMSIS-DAP probe: for chips whose program turns off the SWD pins or sleeps at once.")
  boolean underReset;

  /** Whether the probe path is wanted outright (not only as a fallback). */
  boolean probeFirst(boolean portGiven) {
    return via == Via.swd || (via == Via.auto && probe != null && !portGiven);
  }
}
