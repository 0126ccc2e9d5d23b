package org.romflash.factory;

import org.romflash.factory.BoardStatus.State;
import org.romflash.flash.Progress;

/** Turns a worker's flash progress into {@link BoardStatus} updates for the live view. */
final class PortProgress implements Progress {
  private final String port;
  private final StationListener listener;
  private State state = State.CONNECTING;
  private long total;
  private long done;
  private long started;

  PortProgress(String port, StationListener listener) {
    this.port = port;
    this.listener = listener;
  }

  @Override
  public void start(Phase phase, long newTotal) {
    state = switch (phase) {
      case ERASE -> State.ERASING;
      case WRITE -> State.WRITING;
      case VERIFY, READ -> State.VERIFYING;
    };
    total = newTotal;
    done = 0;
    started = System.nanoTime();
    post();
  }

  @Override
  public void advance(long amount) {
    done += amount;
    post();
  }

  @Override
  public void finish() {
    post();
  }

  private void post() {
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = state == State.ERASING || seconds <= 0 ? 0 : done / seconds;
    listener.update(new BoardStatus(port, state, done, total, rate, null));
  }
}
