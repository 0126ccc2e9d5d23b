package org.romflash.factory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.romflash.device.Device;
import org.romflash.emulator.Emulator;
import org.romflash.flash.BootloaderTarget;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.BootloaderInfo;
import org.romflash.protocol.Timeouts;

/**
 * A station port with emulated boards for the factory tests: the test puts boards in and takes
 * them out, or lets the fixture replace each board once the station is done with it.
 */
final class EmulatedFixture implements Fixture {
  private final String port;
  private final Device device;
  private final Device hostDevice;
  private final Emulator.Options options;
  private final boolean replaceWhenDone;
  private final AtomicInteger boards = new AtomicInteger();
  private volatile Emulator.Simulation board;
  private volatile int connects;
  private volatile boolean silent;
  private final java.util.List<org.romflash.emulator.Chip> chips =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  EmulatedFixture(String port, Device device, Emulator.Options options, boolean replaceWhenDone) {
    this(port, device, device, options, replaceWhenDone);
  }

  /** {@code hostDevice} is the entry the station believes the chip is ({@code device}). */
  EmulatedFixture(String port, Device device, Device hostDevice, Emulator.Options options,
      boolean replaceWhenDone) {
    this.port = port;
    this.device = device;
    this.hostDevice = hostDevice;
    this.options = options;
    this.replaceWhenDone = replaceWhenDone;
    insertNewBoard();
  }

  /** Puts a new board (a fresh unique ID) on the port, in place of any there. */
  void insertNewBoard() {
    remove();
    Emulator.Simulation sim = Emulator.simulate(device, options);
    int n = boards.incrementAndGet();
    byte[] uid = new byte[12];
    uid[0] = (byte) port.hashCode();
    uid[1] = (byte) n;
    sim.chip().setUniqueId(uid);
    chips.add(sim.chip());
    board = sim;
  }

  void remove() {
    Emulator.Simulation old = board;
    board = null;
    if (old != null) {
      old.close();
    }
  }

  /** The board stays but its bootloader stops answering (it runs its program), or answers again. */
  void silent(boolean on) {
    silent = on;
  }

  /** Every chip this port has seen, kept after the station is done with them. */
  java.util.List<org.romflash.emulator.Chip> chips() {
    return chips;
  }

  Emulator.Simulation board() {
    return board;
  }

  int connects() {
    return connects;
  }

  @Override
  public String port() {
    return port;
  }

  @Override
  public Connection connect() {
    Emulator.Simulation sim = board;
    if (sim == null) {
      throw new IllegalStateException("no board on " + port);
    }
    connects++;
    BootloaderClient client = new BootloaderClient(sim.hostLink(), Timeouts.forBaud(115_200));
    BootloaderInfo info = client.connect();
    int pid = client.getId();
    BootloaderTarget target = new BootloaderTarget(client, hostDevice, 3);
    return new Connection() {
      @Override
      public Device device() {
        return hostDevice;
      }

      @Override
      public int pid() {
        return pid;
      }

      @Override
      public String bootloaderVersion() {
        return info.versionText();
      }

      @Override
      public BootloaderTarget target() {
        return target;
      }

      @Override
      public void finish() {}

      @Override
      public void close() {}
    };
  }

  @Override
  public boolean boardPresent(Duration window) {
    return board != null && !silent;
  }

  @Override
  public void unitDone(boolean succeeded) {
    if (replaceWhenDone) {
      Thread operator = new Thread(() -> {
        remove();
        sleep(60);
        insertNewBoard();
      });
      operator.setDaemon(true);
      operator.start();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    remove();
  }
}
