package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.factory.JournalInUseException;
import org.romflash.factory.ReadProtectedException;
import org.romflash.factory.SerialTableException;
import org.romflash.factory.SerialUnavailableException;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.stm32.FlashControllerException;

/**
 * The words, hints, exit codes and journal error classes of the failures gang stations and probes
 * added: each is pinned whole, as {@link DiagnosticsTest} does for the bootloader's.
 */
class NewFailureDiagnosticsTest {

  private static Diagnostics.Diagnosis of(Throwable failure) {
    return Diagnostics.of(failure, "/dev/ttyUSB0");
  }

  @Test
  void aReadProtectedBoardSaysHowToUnlockItAndWhatThatCosts() {
    var failure = new ReadProtectedException("F103xB", null);
    assertEquals(new Diagnostics.Diagnosis("read protection is active on this STM32F103xB: its"
        + " bootloader refuses to read memory (the unique ID), so nothing was written",
        "removing read protection erases the whole flash: `romflash unprotect readout --yes --port"
            + " PORT`, then program the board again", ExitCode.REFUSED), of(failure));
    assertEquals("read-protected", UnitFailures.errorClass(failure));
  }

  @Test
  void serialProblemsPointAtTheTableAndTheReuseFlag() {
    var failure = new SerialUnavailableException("the serial table has no serial for UID X");
    assertEquals(new Diagnostics.Diagnosis("the serial table has no serial for UID X", "check"
        + " --serial-csv and --serial-at; numbers recorded in the journal are never given to"
        + " another unit (--reuse-failed-serials frees those of failed units)", ExitCode.BAD_INPUT),
        of(failure));
    assertEquals("serial", UnitFailures.errorClass(failure));
    assertEquals(new Diagnostics.Diagnosis("s.csv:3: expected UID,SERIAL", "each line of the"
        + " serial table is UID,SERIAL with the UID as `romflash info` prints it",
        ExitCode.BAD_INPUT), of(new SerialTableException("s.csv", 3, "expected UID,SERIAL")));
  }

  @Test
  void aJournalInUseTellsToRunOneStationPerJournal() {
    assertEquals(new Diagnostics.Diagnosis("the journal j.jsonl is in use by another romflash"
        + " station", "run one station per journal, or give this one its own --journal",
        ExitCode.LINK_FAILED), of(new JournalInUseException(Path.of("j.jsonl"))));
  }

  @Test
  void probeFailuresPointAtWiringOrTheControllersRefusal() {
    var access = new DebugAccessException("debug access at 0x60000000 failed");
    assertEquals(new Diagnostics.Diagnosis("debug access at 0x60000000 failed", "check the probe's"
        + " SWDIO, SWCLK, GND and target voltage wiring, that the target is powered, or try"
        + " --connect-under-reset or a lower --swd-clock", ExitCode.NO_RESPONSE), of(access));
    var refused = new FlashControllerException("erase", 0x0800_0000L, 0x10, List.of("WRPRTERR"),
        "the controller refused");
    assertEquals(ExitCode.REFUSED, of(refused).exitCode());
    assertEquals("erase at 0x08000000: the controller refused (status register 0x00000010:"
        + " WRPRTERR)", of(refused).message());
    assertEquals("flash-controller", UnitFailures.errorClass(refused));
    assertEquals("probe", UnitFailures.errorClass(access));
  }

  @Test
  void aBadProbeOrPortSpecIsABadCommandLine() {
    var d = of(new picocli.CommandLine.TypeConversionException("'tcp://x' needs a port number"));
    assertEquals(new Diagnostics.Diagnosis("'tcp://x' needs a port number", "'romflash COMMAND"
        + " --help' describes the options", ExitCode.USAGE), d);
  }
}
