package org.romflash.cli;

import java.util.ArrayList;
import java.util.List;
import org.romflash.link.BootWiring;
import org.romflash.link.EntryExit;
import org.romflash.link.LineSequence;
import org.romflash.link.LineSequence.Line;
import org.romflash.link.LineSequenceException;
import org.romflash.link.LineSequenceParser;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Bootloader entry and exit through the adapter's RTS/DTR, for boards without a BOOT0 switch:
 * explicit sequences in stm32flash's {@code -i} grammar, or presets saying which line drives NRST
 * and BOOT0. Also {@code --no-init}, for a chip that is already synchronised.
 */
final class LineOptions {

  @Option(names = "--entry", paramLabel = "SEQ",
      description = {"Control-line sequence to run before synchronising, e.g. -rts&dtr,-dtr,"
          + " (rts/dtr assert the line, -rts/-dtr release it, brk sends BREAK; ',' waits 100 ms,"
          + " '&' does not). Also takes stm32flash's -i form ENTRY:EXIT."})
  String entry;

  @Option(names = "--exit", paramLabel = "SEQ",
      description = "Control-line sequence to run when the command succeeds, e.g. rts&dtr,-dtr.")
  String exit;

  @Option(names = "--reset-line", paramLabel = "dtr|rts",
      description = "Preset: this adapter line drives NRST (asserted = pin low).")
  Line resetLine;

  @Option(names = "--boot0-line", paramLabel = "rts|dtr",
      description = "Preset: this adapter line drives BOOT0 (asserted = pin low). Needs"
          + " --reset-line.")
  Line boot0Line;

  @Option(names = "--invert-reset",
      description = "Preset: asserting the reset line drives NRST high (an inverting transistor).")
  boolean invertReset;

  @Option(names = "--invert-boot0",
      description = "Preset: asserting the BOOT0 line drives BOOT0 high (an inverting transistor).")
  boolean invertBoot0;

  @Option(names = "--no-init",
      description = "Do not send 0x7F: the bootloader is already synchronised (go straight to"
          + " Get).")
  boolean noInit;

  /**
   * The sequences the options describe.
   *
   * @throws IllegalArgumentException naming the options at fault, or the bad part of a sequence
   */
  EntryExit sequences() {
    List<String> presets = presetsGiven();
    if (!presets.isEmpty()) {
      String explicit = entry != null ? "--entry" : exit != null ? "--exit" : null;
      if (explicit != null) {
        throw new IllegalArgumentException(explicit + " and " + presets.get(0) + " cannot be"
            + " combined: give either the wiring presets or explicit sequences");
      }
      return wiring().sequences();
    }
    EntryExit given = entry == null ? EntryExit.NONE : parse("--entry", entry, true);
    if (exit == null) {
      return given;
    }
    if (entry != null && entry.contains(":")) {
      throw new IllegalArgumentException("--entry \"" + entry + "\" already gives an exit"
          + " sequence after ':', so --exit cannot be given too");
    }
    return new EntryExit(given.entry(), parse("--exit", exit, false).entry());
  }

  /** Checks the options before any port is opened; a problem is a usage error (exit 2). */
  void check(CommandLine commandLine) {
    try {
      sequences();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage(), e);
    }
  }

  private List<String> presetsGiven() {
    List<String> given = new ArrayList<>();
    if (resetLine != null) {
      given.add("--reset-line");
    }
    if (boot0Line != null) {
      given.add("--boot0-line");
    }
    if (invertReset) {
      given.add("--invert-reset");
    }
    if (invertBoot0) {
      given.add("--invert-boot0");
    }
    return given;
  }

  private BootWiring wiring() {
    if (resetLine == null) {
      String other = boot0Line != null ? "--boot0-line" : invertReset ? "--invert-reset"
          : "--invert-boot0";
      throw new IllegalArgumentException(other + " needs --reset-line: the chip reads BOOT0 only"
          + " as it comes out of reset");
    }
    if (invertBoot0 && boot0Line == null) {
      throw new IllegalArgumentException("--invert-boot0 needs --boot0-line");
    }
    if (resetLine == boot0Line) {
      throw new IllegalArgumentException("--reset-line and --boot0-line are both "
          + resetLine.text() + ": NRST and BOOT0 need a line each");
    }
    return new BootWiring(resetLine, invertReset, boot0Line, invertBoot0);
  }

  private static EntryExit parse(String option, String text, boolean pairAllowed) {
    try {
      return pairAllowed ? LineSequenceParser.parseEntryExit(text)
          : new EntryExit(LineSequenceParser.parse(text), LineSequence.NONE);
    } catch (LineSequenceException e) {
      throw new IllegalArgumentException(option + " \"" + text + "\": " + e.getMessage(), e);
    }
  }
}
