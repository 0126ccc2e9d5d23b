package org.romflash.cli;

import java.time.Duration;
import java.util.function.Consumer;
import org.romflash.emulator.Emulator;
import org.romflash.factory.Connection;
import org.romflash.factory.Fixture;
import org.romflash.link.LinkException;

/**
 * An emulated port of a gang station ({@code sim:DEVICE#N}). In line mode a simulated operator
 * takes each board away shortly after the station is done with it and puts a new one (with a new
 * unique ID) in its place, so {@code --loop} can be tried without hardware.
 */
final class SimFixture implements Fixture {
  static final Duration REMOVAL = Duration.ofMillis(300);
  static final Duration NEXT_BOARD = Duration.ofMillis(700);

  private final LinkOptions options;
  private final String port;
  private final GangFinishOptions finish;
  private final Consumer<String> warnings;
  private volatile Emulator.Simulation board;
  private volatile boolean closed;
  private int boards = 1;

  SimFixture(LinkOptions options, String port, GangFinishOptions finish,
      Consumer<String> warnings) {
    this.options = options;
    this.port = port;
    this.finish = finish;
    this.warnings = warnings;
    this.board = SimulatedBoard.start(options, port, boards);
  }

  @Override
  public String port() {
    return port;
  }

  @Override
  public Connection connect() {
    Emulator.Simulation present = board;
    if (present == null) {
      throw new LinkException(port, "no board in the fixture");
    }
    return SessionConnection.on(options, present.hostLink(), finish, warnings);
  }

  @Override
  public boolean boardPresent(Duration window) {
    return board != null;
  }

  @Override
  public synchronized void unitDone(boolean succeeded) {
    Thread operator = new Thread(this::replaceBoard, "operator " + port);
    operator.setDaemon(true);
    operator.start();
  }

  private void replaceBoard() {
    sleep(REMOVAL);
    Emulator.Simulation old = board;
    board = null;
    if (old != null) {
      old.close();
    }
    sleep(NEXT_BOARD);
    synchronized (this) {
      if (!closed) {
        board = SimulatedBoard.start(options, port, ++boards);
      }
    }
  }

  private static void sleep(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    Emulator.Simulation present = board;
    board = null;
    if (present != null) {
      present.close();
    }
  }
}
