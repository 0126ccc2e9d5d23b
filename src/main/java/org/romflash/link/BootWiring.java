package org.romflash.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.romflash.link.LineSequence.Line;
import org.romflash.link.LineSequence.Step;

/**
 * Which adapter line drives the chip's NRST (and, optionally, BOOT0), so the usual entry and exit
 * sequences can be built without writing them out.
 *
 * <p>The chip pins are given as levels; the adapter's RTS# and DTR# outputs are active low, so a
 * pin wired straight to one is low while the line is asserted. {@code resetInverted} and {@code
 * boot0Inverted} say a transistor between adapter and chip inverts that, so asserting the line
 * drives the pin high.
 *
 * <pre>
 *   entry:  BOOT0 high &amp; NRST low, 100 ms, NRST high, 100 ms   (then 0x7F)
 *   exit:   BOOT0 low  &amp; NRST low, 100 ms, NRST high
 * </pre>
 *
 * Without a BOOT0 line (BOOT0 on a jumper) the sequences only pulse NRST.
 *
 * @param reset the line wired to NRST
 * @param resetInverted whether asserting {@code reset} drives NRST high
 * @param boot0 the line wired to BOOT0, or null when BOOT0 is set some other way
 * @param boot0Inverted whether asserting {@code boot0} drives BOOT0 high
 */
public record BootWiring(Line reset, boolean resetInverted, Line boot0, boolean boot0Inverted) {

  public BootWiring {
    Objects.requireNonNull(reset, "reset");
    if (reset == boot0) {
      throw new IllegalArgumentException("NRST and BOOT0 cannot both be on " + reset.text());
    }
  }

  /** The entry and exit sequences for this wiring. */
  public EntryExit sequences() {
    return new EntryExit(sequence(true, true), sequence(false, false));
  }

  private LineSequence sequence(boolean boot0High, boolean pauseAtEnd) {
    List<Step> steps = new ArrayList<>();
    if (boot0 != null) {
      steps.add(pin(boot0, boot0Inverted, boot0High));
    }
    steps.add(pin(reset, resetInverted, false));
    steps.add(new Step.Pause());
    steps.add(pin(reset, resetInverted, true));
    if (pauseAtEnd) {
      steps.add(new Step.Pause());
    }
    return new LineSequence(steps);
  }

  /** Drives {@code line} so that the pin behind it is at {@code high}. */
  private static Step pin(Line line, boolean inverted, boolean high) {
    return new Step.Drive(line, inverted == high);
  }
}
