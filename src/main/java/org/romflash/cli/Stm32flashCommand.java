package org.romflash.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.romflash.cli.stm32flash.Stm32flashArguments;
import org.romflash.cli.stm32flash.Stm32flashUsageException;
import org.romflash.flash.ImageDoesNotFitException;
import picocli.CommandLine;
import picocli.CommandLine.Unmatched;

/**
 * {@code romflash stm32flash ARGS...}: runs an stm32flash 0.7 command line with romflash, so that
 * scripts keep working when romflash replaces stm32flash. The arguments reach {@link
 * Stm32flashArguments} untouched (picocli parses none of them); the work is done by {@link
 * Stm32flashRun} with romflash's own library, and the exit codes are romflash's.
 */
@CommandLine.Command(name = "stm32flash",
    description = {"Run an stm32flash 0.7 command line (options, then the device) with romflash.",
        "'romflash stm32flash -h' lists the options it understands."})
final class Stm32flashCommand implements Callable<Integer> {
  @Unmatched List<String> args = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintStream err = Main.errStream();
    Optional<Stm32flashArguments> parsed;
    try {
      parsed = Stm32flashArguments.parse(args);
    } catch (Stm32flashUsageException e) {
      return usage(err, e).code();
    }
    if (parsed.isEmpty()) {
      Stm32flashHelp.print(spec.commandLine().getOut());
      return ExitCode.OK.code();
    }
    Stm32flashArguments arguments = parsed.get();
    ConnectionOptions options = connection(arguments);
    try {
      options.lines.sequences();
    } catch (IllegalArgumentException e) {
      return usage(err, new Stm32flashUsageException(e.getMessage().replace("--entry", "-i")))
          .code();
    }
    try (Session session = Session.open(options, w -> err.println("warning: " + w))) {
      return new Stm32flashRun(session, arguments, spec.commandLine().getOut()).run().code();
    } catch (Stm32flashUsageException e) {
      return usage(err, e).code();
    } catch (Exception e) {
      Diagnostics.Diagnosis diagnosis = Diagnostics.of(e, arguments.device());
      if (e instanceof ImageDoesNotFitException) {
        diagnosis = new Diagnostics.Diagnosis(diagnosis.message(), "nothing was erased or"
            + " written. Check that the file is the one meant for this chip, or widen -S or -e",
            diagnosis.exitCode());
      }
      if (arguments.resume() && e instanceof NotSynchronisedException) {
        diagnosis = new Diagnostics.Diagnosis(diagnosis.message(), "-c skips the 0x7F that wakes"
            + " the bootloader: it works only after an earlier run at the same baud rate, with no"
            + " reset since. Run without -c", diagnosis.exitCode());
      }
      err.println(diagnosis.render());
      return diagnosis.exitCode().code();
    }
  }

  private static ExitCode usage(PrintStream err, Stm32flashUsageException e) {
    err.println("error: " + e.getMessage());
    err.println("hint: 'romflash stm32flash -h' lists the options romflash understands");
    return ExitCode.USAGE;
  }

  private static ConnectionOptions connection(Stm32flashArguments arguments) {
    ConnectionOptions options = new ConnectionOptions();
    options.port = arguments.device();
    options.baud = arguments.baud();
    options.parity = arguments.parity();
    options.retries = arguments.retries() + 1;
    options.devices = new DatabaseOptions();
    options.resume = arguments.resume();
    options.lines = new LineOptions();
    options.lines.entry = arguments.gpio().orElse(null);
    return options;
  }
}
