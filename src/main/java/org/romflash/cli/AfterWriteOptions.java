package org.romflash.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.romflash.device.Device;
import org.romflash.device.OptionField;
import org.romflash.device.Quirk;
import org.romflash.image.FirmwareImage;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What {@code write} does once the image is verified: option-byte changes, keeping the bootloader
 * reachable on G0/C0-style chips, then starting the program or resetting the chip.
 */
final class AfterWriteOptions {
  @Option(names = "--set-option", paramLabel = "NAME=VALUE",
      description = "After a verified write, change this option-byte field (repeatable; needs"
          + " --yes; RDP level 2 is refused here: use 'option-bytes set' with"
          + " --permanently-lock).")
  List<String> setOptions = new ArrayList<>();

  @Option(names = "--keep-bootloader-access", description = "On chips that ignore the BOOT0 pin"
      + " once programmed (G0, C0, U0): clear nBOOT_SEL so the pin selects the bootloader again."
      + " Needs --yes.")
  boolean keepBootloaderAccess;

  @Option(names = "--go", arity = "0..1", paramLabel = "ADDR",
      parameterConsumer = OptionalAddress.class,
      description = "Start the program after a verified write: at ADDR (its vector table), or by"
          + " default at the image's lowest flash address.")
  Long go;

  @Option(names = "--reset", description = "Reset the chip after a verified write: by the exit"
      + " line sequence when --exit or the wiring presets give one, else by a small program run"
      + " from RAM (a system reset, or an option-byte reload on chips with an empty-flash check).")
  boolean reset;

  void check(CommandLine.Model.CommandSpec spec, boolean yes) {
    if (go != null && reset) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--go and --reset cannot be"
          + " combined: after Go the bootloader no longer answers");
    }
    if ((!setOptions.isEmpty() || keepBootloaderAccess) && !yes) {
      throw new ConfirmationMissingException("--set-option and --keep-bootloader-access write the"
          + " option bytes, which change how the chip boots and protects itself", "--yes");
    }
  }

  void run(Session session, FirmwareImage firmware, boolean yes, Consumer<String> say,
      CommandLine.Model.CommandSpec spec) {
    Device d = session.device();
    Map<OptionField, Long> changes = OptionAssignments.parse(setOptions, d, spec);
    boolean ignoresBoot0 = d.quirks().contains(Quirk.BOOT0_IGNORED_AFTER_FIRST_PROGRAM);
    OptionField bootSel = d.options().field("nBOOT_SEL").orElse(null);
    if (keepBootloaderAccess && bootSel != null) {
      changes.put(bootSel, 0L);
    } else if (ignoresBoot0 && bootSel != null && !changes.containsKey(bootSel)
        && session.probe() == null && bootPinIgnored(session, bootSel)) {
      Main.errStream().println("warning: STM32" + d.name() + " ignores the BOOT0 pin once its"
          + " flash is programmed (nBOOT_SEL=1): the bootloader will not start again from the pin;"
          + " pass --keep-bootloader-access --yes to let BOOT0 choose");
    }
    if (!changes.isEmpty()) {
      OptionAssignments.confirm(d, changes, yes, false);
      OptionBytesUpdate.apply(session, changes, say);
    }
    if (go != null) {
      long at = go == OptionalAddress.NONE ? vectorTable(firmware, d) : go;
      session.flash().go(at);
      say.accept(String.format("started the program at 0x%08X", at));
    } else if (reset && session.hasExitSequence()) {
      say.accept("the exit line sequence resets the chip");
    } else if (reset && session.probe() != null) {
      session.probe().resetAndRun();
      say.accept("reset the chip through the probe");
    } else if (reset) {
      long at = ResetProgram.run(session.target());
      say.accept(String.format("reset the chip (reset program run from 0x%08X)", at));
    }
  }

  private static boolean bootPinIgnored(Session session, OptionField bootSel) {
    try {
      return OptionBytesReader.read(session).value(bootSel) == 1;
    } catch (org.romflash.protocol.NackException e) {
      return true;
    }
  }

  /** The image's lowest flash address: where its vector table is when it starts at one. */
  private static long vectorTable(FirmwareImage firmware, Device d) {
    return firmware.segments().stream().map(s -> s.address())
        .filter(a -> d.flash().contains(a, 1)).min(Long::compare).orElse(d.flash().base());
  }
}
