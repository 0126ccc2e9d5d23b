package org.romflash.cli;

import java.util.List;
import org.romflash.device.EraseUnit;
import org.romflash.flash.Progress;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code romflash erase}: the whole flash or the units covering a range. */
@CommandLine.Command(name = "erase", mixinStandardHelpOptions = true,
    description = "Erase the whole flash, or every page/sector that an address range touches.")
final class EraseCommand extends SessionCommand {
  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--all", required = true, description = "Erase all of the flash.")
    boolean all;

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
      session.target().massErase();
      progress.advance(1);
      progress.finish();
      say("erased all " + session.device().flash().size() / 1024 + " KiB of flash");
      return ExitCode.OK;
    }
    long from = what.range.address;
    long length = what.range.length;
    if (length <= 0 || !session.device().flash().contains(from, length)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.format(
          "0x%08X+%d is not inside the flash (%s)", from, length, session.device().flashRegion()));
    }
    List<EraseUnit> units = session.device().flash().unitsCovering(from, length);
    progress.start(Progress.Phase.ERASE, units.size());
    session.target().erase(units);
    progress.advance(units.size());
    progress.finish();
    EraseUnit first = units.get(0);
    EraseUnit last = units.get(units.size() - 1);
    say(String.format("erased %d units (%d to %d), 0x%08X-0x%08X", units.size(), first.number(),
        last.number(), first.address(), last.end() - 1));
    return ExitCode.OK;
  }
}
