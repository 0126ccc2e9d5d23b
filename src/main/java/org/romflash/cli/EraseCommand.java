package org.romflash.cli;

import java.util.List;
import org.romflash.device.EraseUnit;
import org.romflash.flash.Progress;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code romflash erase}: the whole flash or the units covering a range. */
@CommandLine.Command(name = "erase", mixinStandardHelpOptions = true,
    description = {"Erase the whole flash, one bank, a list of pages/sectors, or every page/sector"
        + " that an address range touches.",
        "Page and sector numbers are those of 'romflash devices NAME'."})
final class EraseCommand extends SessionCommand {
  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--all", required = true, description = "Erase all of the flash.")
    boolean all;

    @Option(names = "--bank", required = true, paramLabel = "1|2",
        description = "Erase one bank of a dual-bank device.")
    Integer bank;

    @Option(names = "--units", required = true, paramLabel = "N[,N|N-M...]", split = ",",
        description = "Erase these pages/sectors, e.g. 0,4-7.")
    List<String> units;

    @ArgGroup(exclusive = false)
    Range range;
  }

  static final class Range {
    @Option(names = {"-a", "--address"}, required = true, paramLabel = "ADDR",
        converter = Numbers.class, description = "First address of the range.")
    long address;

    @Option(names = {"-n", "--length"}, required = true, paramLabel = "BYTES",
        converter = Numbers.class, description = "Length of the range.")
    long length;
  }

  @Override
  ExitCode run(Session session) {
    Progress progress = progress();
    if (what.all) {
      progress.start(Progress.Phase.ERASE, 1);
      session.flash().massErase();
      progress.advance(1);
      progress.finish();
      say("erased all " + session.device().flash().size() / 1024 + " KiB of flash");
      report.result().put("mass_erased", true);
      return ExitCode.OK;
    }
    if (what.bank != null) {
      return eraseBank(session, what.bank, progress);
    }
    if (what.units != null) {
      return eraseUnits(session, UnitList.parse(what.units, session.device(), spec), progress);
    }
    long from = what.range.address;
    long length = what.range.length;
    if (length <= 0 || !session.device().flash().contains(from, length)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.format(
          "0x%08X+%d is not inside the flash (%s)", from, length, session.device().flashRegion()));
    }
    return eraseUnits(session, session.device().flash().unitsCovering(from, length), progress);
  }

  private ExitCode eraseBank(Session session, int bank, Progress progress) {
    List<EraseUnit> units = session.device().flash().units().stream()
        .filter(u -> u.bank() == bank).toList();
    if (units.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.format(
          "STM32%s has %d bank%s, so there is no bank %d", session.device().name(),
          session.device().flash().bankCount(), session.device().flash().bankCount() == 1 ? ""
              : "s", bank));
    }
    return eraseUnits(session, units, progress);
  }

  private ExitCode eraseUnits(Session session, List<EraseUnit> units, Progress progress) {
    units.forEach(u -> report.result().withArray("units").add(u.number()));
    progress.start(Progress.Phase.ERASE, units.size());
    session.flash().erase(units);
    progress.advance(units.size());
    progress.finish();
    EraseUnit first = units.get(0);
    EraseUnit last = units.get(units.size() - 1);
    if (last.number() - first.number() + 1 == units.size()) {
      say(String.format("erased %d units (%d to %d), 0x%08X-0x%08X", units.size(), first.number(),
          last.number(), first.address(), last.end() - 1));
    } else {
      say(String.format("erased %d units (%s)", units.size(), runs(units)));
    }
    return ExitCode.OK;
  }

  /** "0, 4-7". */
  private static String runs(List<EraseUnit> units) {
    List<String> runs = new java.util.ArrayList<>();
    int start = units.get(0).number();
    int previous = start;
    for (EraseUnit unit : units.subList(1, units.size())) {
      if (unit.number() != previous + 1) {
        runs.add(start == previous ? "" + start : start + "-" + previous);
        start = unit.number();
      }
      previous = unit.number();
    }
    runs.add(start == previous ? "" + start : start + "-" + previous);
    return String.join(", ", runs);
  }
}
