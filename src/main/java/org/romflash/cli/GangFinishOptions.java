package org.romflash.cli;

import org.romflash.flash.BootloaderTarget;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What {@code gang write} does with each board once it is verified: start it, reset it, or not. */
final class GangFinishOptions {
  @Option(names = "--go", arity = "0..1", paramLabel = "ADDR",
      parameterConsumer = OptionalAddress.class,
      description = "Start the program on each board after its verified write: at ADDR (its vector"
          + " table), or by default at the start of flash.")
  Long go;

  @Option(names = "--reset", description = "Reset each board after its verified write: by the exit"
      + " line sequence when --exit or the wiring presets give one, else by a small program run"
      + " from RAM.")
  boolean reset;

  void check(CommandLine.Model.CommandSpec spec) {
    if (go != null && reset) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--go and --reset cannot be"
          + " combined: after Go the bootloader no longer answers");
    }
  }

  void run(Session session) {
    BootloaderTarget target = session.target();
    if (go != null) {
      target.go(go == OptionalAddress.NONE ? session.device().flash().base() : go);
    } else if (reset && !session.hasExitSequence()) {
      ResetProgram.run(target);
    }
  }
}
