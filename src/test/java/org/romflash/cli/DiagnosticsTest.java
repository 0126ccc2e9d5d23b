package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.romflash.device.DeviceFileException;
import org.romflash.emulator.FaultPlan;
import org.romflash.link.LinkException;
import org.romflash.protocol.Command;
import org.romflash.protocol.CorruptReplyException;
import org.romflash.protocol.NackException;
import org.romflash.protocol.NoReplyException;
import org.romflash.protocol.Stage;
import org.romflash.protocol.UnexpectedReplyException;
import org.romflash.protocol.UnsupportedCommandException;

/** Every kind of failure gets its own words, hint and exit code; these pin each one. */
class DiagnosticsTest {

  private static Diagnostics.Diagnosis of(Throwable failure) {
    return Diagnostics.of(failure, "/dev/ttyUSB0");
  }

  @Test
  void silenceMidCommandPointsAtPowerWiringAndBaud() {
    var d = of(new NoReplyException(Command.READ_MEMORY, Stage.REPLY, 0x08000000L,
        Duration.ofMillis(1000), 100, 256, null));
    assertEquals(new Diagnostics.Diagnosis("Read Memory (0x11) at 0x08000000: no reply within 1000"
        + " ms (100 of 256 bytes received) at the reply stage", "the chip stopped answering"
        + " mid-command: check power and wiring, that nothing resets the chip (DTR/RTS wiring), or"
        + " try a lower --baud", ExitCode.NO_RESPONSE), d);
  }

  @Test
  void aChipLostAfterTheCrcRoutineSaysWhatIsWrittenAndHowToVerifyWithoutIt() {
    var d = of(new org.romflash.flash.ChipLostException(0x20000200L, Duration.ofMillis(1050)));
    assertEquals(new Diagnostics.Diagnosis("the chip did not come back to its bootloader within"
        + " 1.1 s after romflash's RAM CRC routine was started at 0x20000200", "reset the board"
        + " with BOOT0 high. What was written stays written: `romflash verify FILE --by readback`"
        + " checks it. --verify readback (write) and --by readback (verify) never run code on the"
        + " chip; with reset wiring (--entry, --reset-line) romflash resets the chip itself."
        + " Please report this chip (`romflash info`)", ExitCode.NO_RESPONSE), d);
  }

  @Test
  void aCommandTheChipLacksIsRefusedWithAPointerToInfo() {
    var d = of(new UnsupportedCommandException(Command.GET_CHECKSUM));
    assertEquals(ExitCode.REFUSED, d.exitCode());
    assertEquals("Get Checksum (0xA1): this bootloader does not offer the command (not in its Get"
        + " list) at the command stage", d.message());
    assertEquals("this chip's bootloader cannot do that; `romflash info` lists the commands it"
        + " offers", d.hint());
  }

  @Test
  void corruptedAndUnexpectedBytesBlameTheLine() {
    var corrupt = of(new CorruptReplyException(Command.GET_CHECKSUM, Stage.REPLY, 0x08000000L,
        "CRC checksum byte does not match"));
    var unexpected = of(new UnexpectedReplyException(Command.GO, Stage.ADDRESS, 0x08000000L, 0x42));
    String hint = "bytes are being corrupted: check the baud rate and parity (8E1), cable length"
        + " and ground, or try a lower --baud";
    assertEquals(new Diagnostics.Diagnosis("Get Checksum (0xA1) at 0x08000000: corrupted reply (CRC"
        + " checksum byte does not match) at the reply stage", hint, ExitCode.PROTOCOL_ERROR),
        corrupt);
    assertEquals(new Diagnostics.Diagnosis("Go (0x21) at 0x08000000: expected ACK or NACK but"
        + " received 0x42 at the address stage", hint, ExitCode.PROTOCOL_ERROR), unexpected);
  }

  @Test
  void nacksAreExplainedByStage() {
    assertEquals("the bootloader does not accept that address: it must be in flash or in RAM"
        + " outside the bootloader's own area (`romflash info` shows the memory map)",
        of(new NackException(Command.READ_MEMORY, Stage.ADDRESS, 0x40000000L)).hint());
    assertEquals("the flash there is not erased (this family cannot program over data): erase"
        + " first, or write without --erase none",
        of(new NackException(Command.WRITE_MEMORY, Stage.DATA, 0x08000000L)).hint());
    assertEquals("the bootloader refused the request",
        of(new NackException(Command.WRITE_UNPROTECT, Stage.COMPLETION, null)).hint());
  }

  @Test
  void portProblemsGetTheirOwnHints() {
    assertEquals("add your user to the group that owns the port (dialout on Debian/Ubuntu) and log"
        + " in again", of(new LinkException("/dev/ttyUSB0", "cannot open the port (OS error 13):"
        + " permission denied")).hint());
    assertEquals("close the other program using the port (a terminal, ModemManager, another"
        + " romflash)", of(new LinkException("/dev/ttyUSB0", "cannot open the port (OS error 16):"
        + " the port is busy (held by another program)")).hint());
    assertEquals("check the port name (ls /dev/ttyUSB* /dev/ttyACM* on Linux), or use --port"
        + " sim:F103xB for the built-in emulated chip", of(new LinkException("/dev/ttyUSB9",
        "cannot open the port (OS error 2): the port does not exist")).hint());
    assertEquals("check that the adapter is plugged in and the port name is right",
        of(new LinkException("/dev/ttyUSB0", "write failed")).hint());
    assertEquals(ExitCode.LINK_FAILED, of(new LinkException("x", "write failed")).exitCode());
  }

  @Test
  void inputProblemsAreBadInputAndFileErrorsAreLinkFailures() {
    assertEquals(ExitCode.BAD_INPUT, of(new UnknownDeviceException("the chip reports product ID"
        + " 0x999, which is not in the device database")).exitCode());
    assertEquals("add a device file for it in a directory and pass --devices DIR (see"
        + " devices/README.md for the format)", of(new DeviceFileException("x.yaml: bad")).hint());
    assertEquals(new Diagnostics.Diagnosis("no such file: fw.hex", "", ExitCode.BAD_INPUT),
        of(new NoSuchFileException("fw.hex")));
    assertEquals(ExitCode.LINK_FAILED, of(new IOException("disk full")).exitCode());
  }

  @Test
  void anythingUnforeseenIsReportedAsABugWithExitOne() {
    var d = of(new IllegalStateException("oops"));
    assertEquals(ExitCode.SOFTWARE, d.exitCode());
    assertEquals("this is a bug in romflash; please report it with the command line", d.hint());
  }

  @Test
  void aMalformedFaultSpecificationIsAUsageErrorNamingThePart() {
    Cli cli = Cli.run("info", "--port", "sim:F103xB", "--sim-faults", "seed=1,drop=2");
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals(true, cli.err().contains("'drop=2' is not a probability (0 to 1)"), cli.err());
    assertEquals(new FaultPlan(9, 0.5, 0, 0.25, 16), FaultPlan.parse("seed=9, drop=0.5,nack=0.25"));
  }

  @Test
  void anUnknownSimulatedDeviceSaysWhereTheKnownOnesAreListed() {
    Cli cli = Cli.run("info", "--port", "sim:F999");
    assertEquals(8, cli.exitCode(), cli.toString());
    int known = org.romflash.device.DeviceDatabase.bundled().all().size();
    assertEquals(true, cli.err().contains("\nerror: no device called 'F999'; 'romflash devices'"
        + " lists the " + known + " known ones\n"), cli.err());
  }

  @Test
  void aNearlyRightDeviceNameGetsASuggestion() {
    Cli cli = Cli.run("info", "--port", "sim:STM32F103C8T6");
    assertEquals(8, cli.exitCode(), cli.toString());
    assertEquals(true, cli.err().contains("\nerror: no device called 'STM32F103C8T6'; did you mean"
        + " F103xB?\n"), cli.err());
  }
}
