package org.romflash.cli;

import java.util.function.Consumer;
import org.romflash.device.DeviceDatabase;
import org.romflash.flash.ChipIdentity;
import org.romflash.flash.FlashTarget;
import org.romflash.swd.ProbeConnection;
import org.romflash.swd.dap.CmsisDap;
import org.romflash.swd.dap.DapTransport;
import org.romflash.swd.sim.SimulatedChip;
import org.romflash.swd.sim.SimulatedDapProbe;

/** Opens the probe {@code --probe} names and connects to the chip behind it. */
final class Probes {
  private Probes() {}

  static ProbeSession open(ProbeOptions options, DeviceDatabase database,
      Consumer<String> warnings) {
    String spec = options.probe;
    if (spec == null) {
      throw new picocli.CommandLine.TypeConversionException("--via swd needs --probe (e.g."
          + " --probe cmsis-dap, or --probe sim:F407xG for the simulated one)");
    }
    if (spec.startsWith("sim:")) {
      SimulatedChip chip = new SimulatedChip(database.byName(spec.substring(4)).orElseThrow(
          () -> new UnknownDeviceException("--probe " + spec + ": no device " + spec.substring(4)
              + " in the database (romflash devices lists them)")));
      return dap(new SimulatedDapProbe(chip), options, database, warnings);
    }
    if (spec.startsWith("gdb:")) {
      return GdbProbe.open(spec.substring(4), database, warnings);
    }
    if (spec.equals("cmsis-dap") || spec.startsWith("cmsis-dap:")) {
      String serial = spec.equals("cmsis-dap") ? null : spec.substring("cmsis-dap:".length());
      return dap(org.romflash.swd.usb.UsbProbes.open(serial), options, database, warnings);
    }
    throw new picocli.CommandLine.TypeConversionException("--probe '" + spec + "' is not one of"
        + " cmsis-dap[:SERIAL], gdb:HOST:PORT, gdb:DEVICE or sim:DEVICE");
  }

  private static ProbeSession dap(DapTransport transport, ProbeOptions options,
      DeviceDatabase database, Consumer<String> warnings) {
    ProbeConnection connection = ProbeConnection.open(CmsisDap.open(transport), database,
        new ProbeConnection.Options(options.swdClock, options.underReset), warnings);
    return new ProbeSession() {
      @Override
      public String describe() {
        return String.format("%s, SW-DP 0x%08X", connection.probe().name(), connection.dpidr());
      }

      @Override
      public ChipIdentity identity() {
        return connection.identity();
      }

      @Override
      public FlashTarget flash() {
        return connection.target();
      }

      @Override
      public void resetAndRun() {
        connection.target().core().resetAndRun();
      }

      @Override
      public java.util.Optional<org.romflash.swd.stm32.OptionProgrammer> options() {
        return connection.target().options();
      }

      @Override
      public org.romflash.swd.SwdTarget swd() {
        return connection.target();
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }
}
