package org.romflash.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.romflash.link.Link;
import org.romflash.link.Parity;
import org.romflash.link.SerialLink;
import org.romflash.link.SerialSettings;
import org.romflash.link.TcpLink;

/**
 * Serves one emulated chip to other programs: on a pseudo-terminal (any serial tool can open it) or
 * on a loopback TCP port (one client at a time). The chip keeps its memory across connections,
 * and a bootloader left synchronised stays so, as a real chip does when the host closes and reopens
 * the port (each connection otherwise meets a freshly reset bootloader).
 */
public final class EmulatorServer implements AutoCloseable {
  private final Chip chip;
  private final Emulator.Options options;
  private volatile boolean closed;
  private AutoCloseable resource;
  private Emulator current;

  public EmulatorServer(Chip chip, Emulator.Options options) {
    this.chip = chip;
    this.options = options;
  }

  /** Creates the pseudo-terminal at {@code path} and serves the chip on it until closed. */
  public PseudoTerminal startPty(Path path, Consumer<String> warnings) throws IOException {
    PseudoTerminal pty = PseudoTerminal.create(path);
    resource = pty;
    Link link = SerialLink.open(pty.targetPath().toString(),
        new SerialSettings(115_200, Parity.NONE, false, false, Duration.ZERO), warnings);
    current = Emulator.start(chip, link, options);
    return pty;
  }

  /**
   * Listens on {@code port} of the loopback interface (0 picks a free one) and serves each
   * connection in turn; returns the port in use.
   */
  public int startTcp(int port) throws IOException {
    ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    resource = server;
    Thread acceptor = new Thread(() -> serve(server), "emulator tcp " + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    return server.getLocalPort();
  }

  private void serve(ServerSocket server) {
    boolean synchronised = options.synchronised();
    while (!closed) {
      try (Socket socket = server.accept()) {
        current = Emulator.start(chip, TcpLink.wrap(socket), options.synchronised(synchronised));
        current.join();
        synchronised = current.synchronised();
      } catch (IOException e) {
        if (closed) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Whether the chip was told to Go and now runs its application. */
  public boolean leftBootloader() {
    Emulator serving = current;
    return serving != null && serving.leftBootloader();
  }

  /**
   * Waits until the bootloader has dealt with every byte it received (a reset after the last ACK
   * included, and leaving for the application after Go), or {@code timeout} passes. The chip
   * sends its last ACK before it resets or leaves, so a host that has seen the ACK may otherwise
   * look at it a moment too early.
   */
  public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Emulator serving = current;
      if (serving != null) {
        return serving.awaitIdle(java.time.Duration.ofNanos(deadline - System.nanoTime()));
      }
      Thread.sleep(5);
    }
    return false;
  }

  public Chip chip() {
    return chip;
  }

  @Override
  public void close() {
    shutdown();
  }

  /** Stops serving and releases the pty or socket; safe to call more than once. */
  public void shutdown() {
    closed = true;
    if (current != null) {
      current.close();
    }
    if (resource != null) {
      try {
        resource.close();
      } catch (Exception ignored) {
        // Stopping anyway; a socket or pty that fails to close has nothing left to serve.
      }
    }
  }
}
