package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.cli.Main;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.ProbeConnection;
import org.romflash.swd.dap.CmsisDap;
import org.romflash.swd.gdb.GdbRspServer;
import org.romflash.swd.sim.SimulatedChip;
import org.romflash.swd.sim.SimulatedDapProbe;

/**
 * {@code --probe gdb:/dev/ttyACM0}, the Black Magic Probe's way: GDB packets over a serial port
 * opened by jSerialComm, with {@code monitor swdp_scan} and {@code vAttach;1} before anything
 * else. socat bridges a pseudo-terminal to our GDB server over the simulated probe and chip.
 */
class BlackMagicSerialTest {
  @TempDir Path dir;

  @Test
  void aGdbSerialPortIsScannedAttachedAndProgrammedThrough() throws Exception {
    Peers.require("socat");
    SimulatedChip chip = new SimulatedChip(DeviceDatabase.bundled().byName("F103xB")
        .orElseThrow());
    byte[] data = new byte[3000];
    new Random(9).nextBytes(data);
    Path fw = dir.resolve("fw.bin");
    Files.write(fw, data);
    Path tty = dir.resolve("ttyACM0");
    try (ProbeConnection probe = ProbeConnection.open(CmsisDap.open(new SimulatedDapProbe(chip)),
        DeviceDatabase.bundled(), ProbeConnection.Options.defaults(), note -> { });
        GdbRspServer server = GdbRspServer.start(0, probe.target().memory(),
            probe.target().core(), probe.target(), probe.target().device())) {
      Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + tty,
          "tcp:127.0.0.1:" + server.port()).start();
      try {
        for (int i = 0; i < 100 && !Files.exists(tty); i++) {
          Thread.sleep(20);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"write", fw.toString(), "--probe", "gdb:" + tty},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("verified by crc"));
      } finally {
        socat.destroy();
      }
    }
    assertArrayEquals(data, chip.flash().array().read(0x0800_0000L, data.length));
  }
}
