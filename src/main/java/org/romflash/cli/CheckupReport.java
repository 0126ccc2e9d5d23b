package org.romflash.cli;

import java.util.Comparator;
import java.util.List;

/**
 * What {@code romflash doctor} found: one line per probe, the findings in order of likelihood, the
 * wiring checklist when the bootloader did not answer, and the exit code of the most serious
 * finding.
 */
record CheckupReport(List<String> probes, List<Finding> findings, List<String> checklist) {

  /** Exit codes from most to least serious: a port that cannot be used hides everything else. */
  private static final List<ExitCode> SEVERITY = List.of(ExitCode.LINK_FAILED,
      ExitCode.NO_RESPONSE, ExitCode.PROTOCOL_ERROR, ExitCode.REFUSED, ExitCode.BAD_INPUT,
      ExitCode.SOFTWARE);

  CheckupReport {
    probes = List.copyOf(probes);
    findings = List.copyOf(findings);
    checklist = List.copyOf(checklist);
  }

  /** The code of the most serious problem found, or {@link ExitCode#OK} when there was none. */
  ExitCode exitCode() {
    return findings.stream().filter(f -> f.level() == Level.PROBLEM).map(Finding::code)
        .min(Comparator.comparingInt(CheckupReport::rank)).orElse(ExitCode.OK);
  }

  private static int rank(ExitCode code) {
    int index = SEVERITY.indexOf(code);
    return index < 0 ? SEVERITY.size() : index;
  }

  /** How much a finding matters. */
  enum Level { OK, WARNING, PROBLEM }

  /**
   * One thing the doctor found.
   *
   * @param code the exit code a {@link Level#PROBLEM} stands for; {@link ExitCode#OK} otherwise
   * @param hint what to do about it, or empty
   */
  record Finding(Level level, ExitCode code, String text, String hint) {
    static Finding ok(String text) {
      return new Finding(Level.OK, ExitCode.OK, text, "");
    }

    static Finding warning(String text, String hint) {
      return new Finding(Level.WARNING, ExitCode.OK, text, hint);
    }

    static Finding problem(ExitCode code, String text, String hint) {
      return new Finding(Level.PROBLEM, code, text, hint);
    }

    /** "ok: ...", "warning: ..." or "problem: ...", with the hint on a second line. */
    String render() {
      String prefix = level.name().toLowerCase(java.util.Locale.ROOT) + ": ";
      return prefix + text + (hint.isEmpty() ? "" : System.lineSeparator() + "  hint: " + hint);
    }
  }
}
