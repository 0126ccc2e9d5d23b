package org.romflash.cli;

import java.io.PrintStream;
import org.romflash.flash.Progress;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, or a line per quarter otherwise, so
 * logs stay readable. Bytes, rate and time left are shown.
 */
final class ConsoleProgress implements Progress {
  private final PrintStream out;
  private final boolean terminal;
  private Phase phase;
  private long total;
  private long done;
  private long started;
  private long lastDraw;
  private int lastQuarter;

  ConsoleProgress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void start(Phase newPhase, long newTotal) {
    phase = newPhase;
    total = Math.max(1, newTotal);
    done = 0;
    started = System.nanoTime();
    lastDraw = 0;
    lastQuarter = 0;
    if (!terminal) {
      out.println(label() + ": started (" + unit(total) + ")");
    }
  }

  @Override
  public void advance(long amount) {
    done += amount;
    long now = System.nanoTime();
    if (terminal && now - lastDraw > 100_000_000L) {
      lastDraw = now;
      out.print("\r" + line());
      out.flush();
    } else if (!terminal && done * 4 / total > lastQuarter && done < total) {
      lastQuarter = (int) (done * 4 / total);
      out.println(label() + ": " + line());
    }
  }

  @Override
  public void finish() {
    if (phase == null) {
      return;
    }
    out.print((terminal ? "\r" : label() + ": ") + line() + System.lineSeparator());
    out.flush();
    phase = null;
  }

  private String line() {
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    int percent = (int) Math.min(100, done * 100 / total);
    String bar = "#".repeat(percent / 5) + ".".repeat(20 - percent / 5);
    String rate = phase == Phase.ERASE ? "" : String.format(", %.1f KiB/s", done / 1024.0 / seconds);
    String left = done == 0 || done >= total ? ""
        : String.format(", %.0f s left", seconds * (total - done) / done);
    return String.format("%-7s [%s] %3d%% %s/%s%s%s", label(), bar, percent, amount(done),
        unit(total), rate, left);
  }

  private String label() {
    return phase.name().toLowerCase(java.util.Locale.ROOT);
  }

  private String unit(long value) {
    return phase == Phase.ERASE ? value + " units" : amount(value);
  }

  private String amount(long value) {
    if (phase == Phase.ERASE) {
      return Long.toString(value);
    }
    return value >= 10 * 1024 ? (value / 1024) + " KiB" : value + " B";
  }
}
