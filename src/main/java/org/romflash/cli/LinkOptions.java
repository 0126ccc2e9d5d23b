package org.romflash.cli;

import org.romflash.emulator.FaultPlan;
import org.romflash.link.Parity;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How to talk over a port, whichever port it is: baud, parity, retries, control lines, the device
 * database, the emulated chip's options. {@code gang} uses it for every port it opens; the other
 * commands through {@link ConnectionOptions}, which adds {@code --port}.
 */
class LinkOptions {

  @Option(names = {"-b", "--baud"}, paramLabel = "BAUD", defaultValue = "115200",
      description = "Baud rate (default: ${DEFAULT-VALUE}). The bootloader detects it from 0x7F.")
  int baud;

  @Option(names = "--parity", paramLabel = "none|even|odd", defaultValue = "even",
      description = "Parity (default: even, as the STM32 bootloader expects). Pseudo-terminals"
          + " cannot carry parity: use none there.")
  Parity parity;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
      description = "Tries per transfer before giving up (default: ${DEFAULT-VALUE}).")
  int retries;

  @Mixin DatabaseOptions devices;

  @Mixin LineOptions lines;

  @Option(names = "--sim-rdp", paramLabel = "LEVEL", defaultValue = "0",
      description = "With sim:, start at this read-protection level (0, 1, or 2: never answers).")
  int simReadProtection;

  @Option(names = "--sim-faults", paramLabel = "SPEC", converter = FaultPlanConverter.class,
      description = "With sim:, inject faults: seed=N,drop=P,corrupt=P,nack=P (P a probability).")
  FaultPlan simFaults;

  @Option(names = "--sim-flash-size", paramLabel = "SIZE", converter = Numbers.class,
      description = "With sim:, emulate a smaller part of the device (e.g. 64K): its flash ends"
          + " there and its flash-size register says so.")
  Long simFlashSize;

  @Option(names = "--log", paramLabel = "FILE",
      description = "Write a timestamped transcript of every byte sent and received (and every"
          + " control-line change) to FILE.")
  java.nio.file.Path log;

  /**
   * Set by commands, not an option: the bootloader already answered an earlier 0x7F (stm32flash
   * -c), so the session starts with Get instead of synchronising again.
   */
  boolean resume;
}
