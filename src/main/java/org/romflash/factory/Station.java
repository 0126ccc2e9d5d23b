package org.romflash.factory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A gang programming station: one worker thread per port, all programming at once, each with its
 * own fixture (entry and exit lines, retries, timeouts). Every unit ends up as one line in the
 * journal. In line mode ({@link Settings#loop()}) each worker waits for a board, programs it,
 * waits for it to be taken away, and starts again, until the station is stopped.
 */
public final class Station {

  /**
   * How the station runs.
   *
   * @param run identifies this run in the journal ({@code --retry-failed} re-runs its failures)
   * @param name the station's name in the journal
   * @param loop line mode: boards come and go until stopped
   * @param poll how often line mode asks an empty port whether a board is there
   */
  public record Settings(String run, String name, boolean loop, Duration poll) {}

  private final List<String> ports;
  private final FixtureFactory fixtures;
  private final UnitJob job;
  private final Journal journal;
  private final Failure.Describer describer;
  private final StationListener listener;
  private final Settings settings;
  private final StopSignal stop;
  private final List<UnitRecord> units = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> workers = new ArrayList<>();

  /** @param journal where units are recorded, or null for none */
  public Station(List<String> ports, FixtureFactory fixtures, UnitJob job, Journal journal,
      Failure.Describer describer, StationListener listener, Settings settings, StopSignal stop) {
    this.ports = List.copyOf(ports);
    this.fixtures = fixtures;
    this.job = job;
    this.journal = journal;
    this.describer = describer;
    this.listener = listener;
    this.settings = settings;
    this.stop = stop;
  }

  /** Programs every port's board (in line mode, boards until stopped); returns every unit. */
  public List<UnitRecord> run() throws InterruptedException {
    for (String port : ports) {
      PortWorker worker = new PortWorker(port, this);
      Thread thread = new Thread(worker, "station " + port);
      thread.setDaemon(true);
      workers.add(thread);
      thread.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return units();
  }

  /**
   * Waits up to {@code timeout} for the workers to end after a stop; returns whether they did.
   */
  public boolean awaitWorkers(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread worker : List.copyOf(workers)) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        worker.join(Math.max(1, left / 1_000_000L));
      }
      if (worker.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /** The units finished so far, in the order they finished. */
  public List<UnitRecord> units() {
    synchronized (units) {
      return List.copyOf(units);
    }
  }

  /** Records a finished unit: journal line first, then the live view. */
  void finished(UnitRecord unit) {
    if (journal != null) {
      journal.append(unit);
    }
    units.add(unit);
  }

  FixtureFactory fixtures() {
    return fixtures;
  }

  UnitJob job() {
    return job;
  }

  Failure.Describer describer() {
    return describer;
  }

  StationListener listener() {
    return listener;
  }

  Settings settings() {
    return settings;
  }

  StopSignal stop() {
    return stop;
  }
}
