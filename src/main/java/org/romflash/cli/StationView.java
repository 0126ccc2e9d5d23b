package org.romflash.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.romflash.factory.BoardStatus;
import org.romflash.factory.BoardStatus.State;
import org.romflash.factory.StationListener;
import org.romflash.factory.UnitRecord;

/**
 * The gang station's live view on stderr. On a terminal: one line per port (state, percent,
 * rate, and the device and serial or the error), redrawn in place four times a second. Otherwise
 * one plain line per change of state, so logs stay readable.
 */
final class StationView implements StationListener, AutoCloseable {
  private final PrintStream out;
  private final boolean terminal;
  private final Map<String, BoardStatus> ports = new LinkedHashMap<>();
  private final Thread painter;
  private int drawnLines;
  private volatile boolean closed;

  StationView(PrintStream out, boolean terminal, List<String> portNames) {
    this.out = out;
    this.terminal = terminal;
    portNames.forEach(p -> ports.put(p, null));
    painter = new Thread(this::paintLoop, "live view");
    painter.setDaemon(true);
    if (terminal) {
      painter.start();
    }
  }

  @Override
  public void update(BoardStatus status) {
    BoardStatus before;
    synchronized (ports) {
      before = ports.get(status.port());
      if (status.state() == State.STOPPED && before != null && before.unit() != null) {
        return;
      }
      ports.put(status.port(), status);
    }
    boolean newState = before == null || before.state() != status.state();
    if (!terminal && newState && status.state() != State.STOPPED) {
      synchronized (out) {
        out.println(status.port() + ": " + (status.unit() == null ? status.state().words()
            : describe(status)));
        out.flush();
      }
    }
  }

  private void paintLoop() {
    while (!closed) {
      paint();
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void paint() {
    List<String[]> rows = new java.util.ArrayList<>();
    synchronized (ports) {
      ports.forEach((port, status) -> rows.add(new String[] {port,
          status == null ? "starting" : describe(status)}));
    }
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(4);
    StringBuilder frame = new StringBuilder();
    if (drawnLines > 0) {
      frame.append("\033[").append(drawnLines).append('A');
    }
    for (String[] row : rows) {
      frame.append('\r').append("\033[K").append(String.format("%-" + width + "s  %s", row[0],
          row[1])).append(System.lineSeparator());
    }
    synchronized (out) {
      out.print(frame);
      out.flush();
    }
    drawnLines = rows.size();
  }

  static String describe(BoardStatus status) {
    UnitRecord unit = status.unit();
    if (unit != null && status.state() == State.PASSED) {
      return "passed   " + unit.device() + " " + unit.uid()
          + (unit.serial() == null ? "" : " serial " + unit.serial().text())
          + String.format(" (%.1f s)", unit.totalMillis() / 1000.0);
    }
    if (unit != null) {
      return unit.outcome().word() + "   " + unit.failureText();
    }
    String text = status.state().words();
    if (status.percent() >= 0) {
      text += String.format(" %3d%%", status.percent());
    }
    if (status.bytesPerSecond() > 0) {
      text += String.format(" %.1f KiB/s", status.bytesPerSecond() / 1024);
    }
    return text;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (terminal) {
      painter.interrupt();
      try {
        painter.join(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      paint();
    }
  }
}
