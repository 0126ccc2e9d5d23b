package org.romflash.swd.gdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.romflash.device.Device;
import org.romflash.flash.FlashTarget;
import org.romflash.link.TcpLink;
import org.romflash.swd.CoreControl;
import org.romflash.swd.DebugMemory;

/**
 * A GDB remote-protocol server on 127.0.0.1 for a target given as memory, core and flash: what GDB
 * needs for {@code target remote}, {@code load} (the device's memory map and vFlash packets),
 * {@code compare-sections} (qCRC), memory reads and writes and {@code monitor reset halt}. It
 * lets GDB, and {@link RspClient}, be tested against our simulated chips, and puts a simulated
 * chip behind the same protocol as a real probe. One connection at a time, served on a thread of
 * its own; the register file is kept here ({@link RegisterFile}).
 */
public final class GdbRspServer implements AutoCloseable {
  /** The PacketSize offered: 16 KiB, so one vFlashWrite carries a 16 KiB sector's worth. */
  static final int PACKET_SIZE = 0x4000;

  private final ServerSocket socket;
  private final Thread thread;
  private volatile Socket current;

  private GdbRspServer(ServerSocket socket, DebugMemory memory, CoreControl core,
      FlashTarget flash, Device device) {
    this.socket = socket;
    this.thread = new Thread(() -> serve(memory, core, flash, device),
        "gdb-rsp-server:" + socket.getLocalPort());
    this.thread.setDaemon(true);
  }

  /**
   * Starts serving on {@code port} of 127.0.0.1; port 0 picks a free one ({@link #port}).
   *
   * @param device the chip: its RAM blocks and flash sectors make the memory map
   */
  public static GdbRspServer start(int port, DebugMemory memory, CoreControl core,
      FlashTarget flash, Device device) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      GdbRspServer server = new GdbRspServer(socket, memory, core, flash, device);
      server.thread.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return socket.getLocalPort();
  }

  private void serve(DebugMemory memory, CoreControl core, FlashTarget flash, Device device) {
    while (!socket.isClosed()) {
      try (Socket accepted = socket.accept(); TcpLink link = TcpLink.wrap(accepted)) {
        current = accepted;
        new ServerSession(link, memory, core, flash, device, PACKET_SIZE).run();
      } catch (IOException | RuntimeException e) {
        // The connection ended (GDB hung up, the server closed, or a broken conversation): wait
        // for the next one.
      } finally {
        current = null;
      }
    }
  }

  /** Stops listening, ends the current connection and waits for the thread to finish. */
  @Override
  public void close() {
    try {
      socket.close();
      Socket open = current;
      if (open != null) {
        open.close();
      }
      thread.join(5000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
