package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.link.LinkException;
import org.romflash.link.TcpLink;
import org.romflash.swd.gdb.GdbCore;
import org.romflash.swd.gdb.GdbMemory;
import org.romflash.swd.gdb.MonitorCommands;
import org.romflash.swd.gdb.RspClient;
import org.romflash.swd.gdb.RspTimeouts;

/**
 * Our GDB client against a GDB server we did not write: QEMU's gdbstub on an emulated
 * netduinoplus2 (STM32F405). Memory written through {@link GdbMemory} at 0x20000000 (RAM) and
 * 0x08000000 (flash) reads back equal, and {@code monitor system_reset} (QEMU's entry in {@link
 * MonitorCommands}) restarts the core from the vector table just written. QEMU models no flash
 * controller (its flash is memory that debug writes may change), so this proves the protocol and
 * memory path, not the flash drivers.
 */
class GdbClientOnQemuTest {
  @TempDir Path dir;

  @Test
  void memoryWrittenThroughQemusGdbstubReadsBackAndResetStartsFromTheVectorTable()
      throws Exception {
    Peers.require("qemu-system-arm");
    int port = freePort();
    Process qemu = new ProcessBuilder("qemu-system-arm", "-M", "netduinoplus2", "-S",
        "-gdb", "tcp:127.0.0.1:" + port, "-nographic", "-monitor", "none", "-serial", "none")
        .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
    try (RspClient client = connect(port, qemu)) {
      GdbMemory memory = new GdbMemory(client);
      Random random = new Random(405);
      for (long address : List.of(0x20000000L, 0x08000000L)) {
        byte[] data = new byte[256];
        random.nextBytes(data);
        memory.write(address, data, 4);
        assertArrayEquals(data, memory.read(address, data.length),
            String.format("read back at 0x%08x", address));
      }
      memory.write32(0x08000000L, 0x20001000);
      memory.write32(0x08000004L, 0x08000101);
      GdbCore core = new GdbCore(client, MonitorCommands.QEMU);
      core.resetAndHalt();
      assertEquals(0x08000100, core.readRegister(15));
      assertEquals(0x20001000, core.readRegister(13));
      assertTrue(core.halted());
      System.out.println("QEMU gdbstub: PacketSize " + client.packetSize() + ", acks "
          + client.acknowledging() + ", writes by " + (memory.usesBinaryWrites() ? "X" : "M")
          + "; 256 bytes at 0x20000000 and 0x08000000 read back equal;"
          + " system_reset started at pc 0x08000100");
    } finally {
      qemu.destroy();
      qemu.waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** QEMU opens its gdb port a moment after it starts. */
  private static RspClient connect(int port, Process qemu) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return RspClient.connect(TcpLink.connect("127.0.0.1", port), RspTimeouts.DEFAULT);
      } catch (LinkException e) {
        if (attempt == 50 || !qemu.isAlive()) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}
