package org.romflash.cli;

import java.util.function.Consumer;
import org.romflash.device.DeviceDatabase;
import org.romflash.flash.ChipIdentity;
import org.romflash.flash.FlashTarget;
import org.romflash.link.Link;
import org.romflash.link.SerialLink;
import org.romflash.link.SerialSettings;
import org.romflash.link.TcpLink;
import org.romflash.swd.ProbeConnection;
import org.romflash.swd.gdb.GdbCore;
import org.romflash.swd.gdb.GdbFlashTarget;
import org.romflash.swd.gdb.GdbMemory;
import org.romflash.swd.gdb.MonitorCommands;
import org.romflash.swd.gdb.RspClient;
import org.romflash.swd.gdb.RspTimeouts;

/**
 * {@code --probe gdb:HOST:PORT} (OpenOCD, pyOCD, probe-rs, st-util, romflash gdb-server) and
 * {@code --probe gdb:/dev/ttyACM0} (a Black Magic Probe's GDB serial port): the chip is
 * identified by its DBGMCU IDCODE read through the server, and programmed through the server's
 * flash commands.
 */
final class GdbProbe {
  private GdbProbe() {}

  static ProbeSession open(String where, DeviceDatabase database, Consumer<String> warnings) {
    boolean serial = where.startsWith("/") || where.toUpperCase(java.util.Locale.ROOT)
        .startsWith("COM");
    Link link = serial ? SerialLink.open(where, SerialSettings.defaults()
        .withParity(org.romflash.link.Parity.NONE), warnings) : tcp(where);
    RspClient client;
    try {
      client = RspClient.connect(link, RspTimeouts.DEFAULT);
    } catch (RuntimeException e) {
      link.close();
      throw e;
    }
    try {
      if (serial) {
        attachBlackMagic(client, where);
      }
      GdbCore core = new GdbCore(client, serial ? MonitorCommands.BLACK_MAGIC
          : MonitorCommands.DEFAULT);
      GdbMemory memory = new GdbMemory(client);
      ChipIdentity identity = ChipIdentity.identify(memory::read,
          ProbeConnection.candidates(memory, database));
      identity.notes().forEach(warnings);
      GdbFlashTarget target = GdbFlashTarget.open(client, core, identity.device());
      if (!target.programsFlash()) {
        warnings.accept("the GDB server at " + where + " declares no flash: romflash writes"
            + " memory directly, which only works where flash is plain memory (an emulator)");
      }
      return session("GDB server " + where, identity, target, core, client);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static ProbeSession session(String name, ChipIdentity identity, GdbFlashTarget target,
      GdbCore core, RspClient client) {
    return new ProbeSession() {
      @Override
      public String describe() {
        return name;
      }

      @Override
      public ChipIdentity identity() {
        return identity;
      }

      @Override
      public FlashTarget flash() {
        return target;
      }

      @Override
      public void resetAndRun() {
        core.resetAndRun();
      }

      @Override
      public void close() {
        try {
          target.close();
        } finally {
          client.close();
        }
      }
    };
  }

  /**
   * A Black Magic Probe serves no target until told to scan SWD ({@code monitor swdp_scan}) and
   * attach to the first one ({@code vAttach;1}, answered with a stop reply).
   */
  private static void attachBlackMagic(RspClient client, String where) {
    String scan = client.monitor("swdp_scan");
    String attach = client.request("vAttach;1");
    if (!attach.startsWith("T") && !attach.startsWith("S")) {
      throw new org.romflash.swd.DebugAccessException("the Black Magic Probe on " + where
          + " found no target to attach to (swdp_scan said: " + scan.strip() + "; vAttach answered"
          + " '" + attach + "'): check the SWD wiring and target power");
    }
  }

  private static Link tcp(String where) {
    int colon = where.lastIndexOf(':');
    if (colon < 0) {
      throw new picocli.CommandLine.TypeConversionException("--probe gdb:" + where + " needs a"
          + " port: gdb:HOST:PORT (OpenOCD listens on 3333) or gdb:/dev/ttyACM0");
    }
    return TcpLink.connect(where.substring(0, colon),
        Integer.parseInt(where.substring(colon + 1)));
  }
}
