package org.romflash.cli;

import java.nio.charset.StandardCharsets;
import org.romflash.device.Device;
import org.romflash.emulator.Emulator;

/**
 * The emulated chips behind {@code sim:} ports. {@code sim:DEVICE} is one chip; a gang's {@code
 * sim:DEVICE#N} is the Nth of several, and in line mode each port sees board after board. Each
 * such board has its own unique ID, spelling "RF", the device, the port number and the board
 * number, so serial numbers and journals can tell them apart.
 */
final class SimulatedBoard {
  private SimulatedBoard() {}

  /** Switches on board number {@code board} (from 1) at {@code port}. */
  static Emulator.Simulation start(LinkOptions options, String port, int board) {
    String name = port.substring("sim:".length());
    int station = 0;
    int hash = name.indexOf('#');
    if (hash >= 0) {
      station = parseStation(port, name.substring(hash + 1));
      name = name.substring(0, hash);
    }
    Device device = options.devices.named(name);
    if (options.simFlashSize != null) {
      device = device.withFlashSize(options.simFlashSize);
    }
    Emulator.Options emulatorOptions = Emulator.Options.defaults();
    if (options.simFaults != null) {
      emulatorOptions = emulatorOptions.withFaults(options.simFaults);
    }
    Emulator.Simulation sim = Emulator.simulate(device, emulatorOptions);
    sim.chip().setReadProtectionLevel(options.simReadProtection);
    if (station > 0 || board > 1) {
      sim.chip().setUniqueId(uniqueId(device.name(), station, board));
    }
    return sim;
  }

  private static int parseStation(String port, String number) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException e) {
      throw new picocli.CommandLine.TypeConversionException("'" + port + "': after # comes the"
          + " number of the emulated chip, as in sim:F103xB#2");
    }
  }

  /** "RF", six characters of the device name, then port and board numbers (16 bits each). */
  static byte[] uniqueId(String device, int station, int board) {
    byte[] uid = new byte[12];
    byte[] text = ("RF" + device + "000000").substring(0, 8).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, uid, 0, 8);
    uid[8] = (byte) station;
    uid[9] = (byte) (station >> 8);
    uid[10] = (byte) board;
    uid[11] = (byte) (board >> 8);
    return uid;
  }
}
