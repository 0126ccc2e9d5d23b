package org.romflash.link;

import java.time.Duration;
import java.util.List;

/**
 * A scripted change of the serial port's control lines: how a board without a BOOT0 switch, whose
 * USB-UART drives BOOT0 and NRST from RTS and DTR, is put into its bootloader (the entry sequence)
 * and back into its application (the exit sequence). The text form is stm32flash's {@code -i}
 * grammar, read by {@link LineSequenceParser}.
 *
 * <p>Levels are the serial port's logical states, as {@link Link#setRts(boolean)} and {@link
 * Link#setDtr(boolean)} take them: {@code rts} asserts RTS ({@code setRts(true)}), {@code -rts}
 * releases it ({@code setRts(false)}); the same for {@code dtr}. This is what stm32flash means by
 * "rts" (level 1: it sets the modem-control bit). An asserted line is <em>low</em> on the adapter's
 * pin on FTDI, CP210x, CH340 and PL2303 adapters, whose RTS# and DTR# outputs are active low, so
 * {@code rts} puts 0 V on a BOOT0 wired straight to RTS#; a transistor between pin and chip inverts
 * that again. {@code brk} holds the TX line in the BREAK condition for {@link #BREAK_LENGTH}.
 *
 * <p>{@link #run(Link)} performs the steps in order, pausing {@link #PAUSE} at each {@link
 * Step.Pause}; nothing is sent on the data line.
 *
 * @param steps what to do, in order
 */
public record LineSequence(List<Step> steps) {
  /** The pause a {@code ','} stands for, as in stm32flash. */
  public static final Duration PAUSE = Duration.ofMillis(100);
  /**
   * How long {@code brk} holds BREAK: our choice, the shortest BREAK POSIX's {@code tcsendbreak}
   * guarantees for a duration of 0, long enough for any BREAK-detecting reset circuit.
   */
  public static final Duration BREAK_LENGTH = Duration.ofMillis(250);

  /** The sequence that does nothing. */
  public static final LineSequence NONE = new LineSequence(List.of());

  public LineSequence {
    steps = List.copyOf(steps);
  }

  /** The two control lines a serial port drives. */
  public enum Line {
    RTS, DTR;

    /** The name in the sequence grammar: {@code rts} or {@code dtr}. */
    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One thing a sequence does. */
  public sealed interface Step permits Step.Drive, Step.Break, Step.Pause {
    /** Drives {@code line} to {@code asserted}: {@code rts} or {@code -rts}. */
    record Drive(Line line, boolean asserted) implements Step {
      @Override
      public String toString() {
        return (asserted ? "" : "-") + line.text();
      }
    }

    /** Holds BREAK for {@link #BREAK_LENGTH}: {@code brk}. */
    record Break() implements Step {
      @Override
      public String toString() {
        return "brk";
      }
    }

    /** Waits {@link #PAUSE}: a {@code ','} after a signal. */
    record Pause() implements Step {
      @Override
      public String toString() {
        return "wait " + PAUSE.toMillis() + " ms";
      }
    }
  }

  /** Waits; real code sleeps, tests record. */
  @FunctionalInterface
  public interface Sleeper {
    /** Returns after {@code length} has passed. */
    void sleep(Duration length);

    /** {@link Thread#sleep}; an interrupt ends the pause early and stays set on the thread. */
    static Sleeper real() {
      return length -> {
        try {
          Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
    }
  }

  /** Whether the sequence does nothing. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** Performs the steps on {@code link}, sleeping for real. */
  public void run(Link link) {
    run(link, Sleeper.real());
  }

  /** Performs the steps on {@code link}, pausing through {@code sleeper}. */
  public void run(Link link, Sleeper sleeper) {
    for (Step step : steps) {
      if (step instanceof Step.Drive drive) {
        if (drive.line() == Line.RTS) {
          link.setRts(drive.asserted());
        } else {
          link.setDtr(drive.asserted());
        }
      } else if (step instanceof Step.Break) {
        link.sendBreak(BREAK_LENGTH);
      } else {
        sleeper.sleep(PAUSE);
      }
    }
  }

  /**
   * The sequence in the grammar {@link LineSequenceParser} reads: signals joined by {@code '&'}, a
   * {@code ','} for each pause ({@code "rts&-dtr,dtr,"}).
   */
  public String text() {
    StringBuilder text = new StringBuilder();
    boolean afterSignal = false;
    for (Step step : steps) {
      if (step instanceof Step.Pause) {
        text.append(',');
        afterSignal = false;
      } else {
        text.append(afterSignal ? "&" : "").append(step);
        afterSignal = true;
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return text();
  }
}
