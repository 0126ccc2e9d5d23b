package org.romflash.factory;

import java.time.Duration;
import java.time.Instant;
import org.romflash.device.UniqueId;
import org.romflash.factory.BoardStatus.State;

/** One port's worker: programs the board there once, or in line mode board after board. */
final class PortWorker implements Runnable {
  private static final Duration PRESENCE_WINDOW = Duration.ofMillis(200);

  private final String port;
  private final Station station;
  private final StopSignal stop;
  private int units;

  PortWorker(String port, Station station) {
    this.port = port;
    this.station = station;
    this.stop = station.stop();
  }

  @Override
  public void run() {
    try {
      if (station.settings().loop()) {
        loop();
      } else {
        once();
      }
    } finally {
      status(State.STOPPED);
    }
  }

  private void once() {
    UnitRecord record = newRecord();
    status(State.CONNECTING);
    long t0 = System.nanoTime();
    try (Fixture fixture = station.fixtures().open(port)) {
      program(fixture, record, null, t0);
    } catch (RuntimeException e) {
      failed(record, e);
    }
    record.ended(UnitJob.millisSince(t0));
    finish(record);
  }

  private void loop() {
    Fixture fixture = openWhenPresent();
    if (fixture == null) {
      return;
    }
    try (fixture) {
      UniqueId last = null;
      while (!stop.raised()) {
        if (!awaitBoard(fixture)) {
          return;
        }
        UnitRecord record = newRecord();
        status(State.CONNECTING);
        long t0 = System.nanoTime();
        try {
          program(fixture, record, last, t0);
        } catch (SameBoardException e) {
          units--;
          awaitRemoval(fixture);
          continue;
        } catch (RuntimeException e) {
          failed(record, e);
        }
        record.ended(UnitJob.millisSince(t0));
        if (record.outcome() == Outcome.INTERRUPTED && untouched(record)) {
          return;
        }
        finish(record);
        if (record.outcome() == Outcome.OK) {
          last = record.uid();
        }
        fixture.unitDone(record.outcome() == Outcome.OK);
        awaitRemoval(fixture);
      }
    }
  }

  /**
   * Line mode: a unit stopped before its serial was assigned and before anything was erased was
   * never more than a board being looked at; it gets no journal line.
   */
  private static boolean untouched(UnitRecord record) {
    return record.serial() == null
        && (record.phase() == Phase.CONNECT || record.phase() == Phase.IDENTIFY);
  }

  private void program(Fixture fixture, UnitRecord record, UniqueId notAgain, long started) {
    try (Connection board = fixture.connect()) {
      record.took(Phase.CONNECT, UnitJob.millisSince(started));
      try {
        stop.check();
        station.job().program(board, record, new PortProgress(port, station.listener()),
            notAgain);
      } finally {
        record.warnings(board.warnings());
      }
    }
  }

  private void failed(UnitRecord record, RuntimeException e) {
    Failure why = station.describer().describe(e, port);
    if (e instanceof UnitInterruptedException) {
      record.failed(Outcome.INTERRUPTED, new Failure("interrupted", "stopped by the operator"
          + " during " + record.phase().word() + ": the chip may be partly written",
          "program this unit again"));
    } else if (stop.raised()) {
      record.failed(Outcome.INTERRUPTED, new Failure("interrupted", "stopped by the operator"
          + " during " + record.phase().word() + " (" + why.message() + ")", why.hint()));
    } else {
      record.failed(Outcome.FAILED, why);
    }
  }

  private void finish(UnitRecord record) {
    try {
      station.finished(record);
    } catch (IllegalStateException journalClosed) {
      // The station stopped and closed the journal before this unit ended: nothing to record.
    }
    station.listener().update(new BoardStatus(port,
        record.outcome() == Outcome.OK ? State.PASSED : State.FAILED, 0, 0, 0, record));
  }

  private UnitRecord newRecord() {
    units++;
    UnitJob.Settings job = station.job().settings();
    return new UnitRecord(Instant.now(), station.settings().run(), station.settings().name(),
        port, units, job.identity());
  }

  /** Line mode: a port that cannot be opened yet (a USB adapter not plugged) is waited for. */
  private Fixture openWhenPresent() {
    status(State.WAITING_FOR_BOARD);
    while (!stop.raised()) {
      try {
        return station.fixtures().open(port);
      } catch (RuntimeException e) {
        stop.sleep(station.settings().poll().toMillis());
      }
    }
    return null;
  }

  private boolean awaitBoard(Fixture fixture) {
    status(State.WAITING_FOR_BOARD);
    while (!stop.raised()) {
      if (fixture.boardPresent(PRESENCE_WINDOW)) {
        return true;
      }
      stop.sleep(station.settings().poll().toMillis());
    }
    return false;
  }

  /** A board counts as gone once two polls in a row find no bootloader. */
  private void awaitRemoval(Fixture fixture) {
    status(State.WAITING_FOR_REMOVAL);
    int silent = 0;
    while (!stop.raised() && silent < 2) {
      silent = fixture.boardPresent(PRESENCE_WINDOW) ? 0 : silent + 1;
      if (silent < 2) {
        stop.sleep(station.settings().poll().toMillis());
      }
    }
  }

  private void status(State state) {
    station.listener().update(BoardStatus.of(port, state));
  }
}
