package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.romflash.cli.CheckupReport.Finding;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;
import org.romflash.link.LinkException;
import org.romflash.link.Parity;
import org.romflash.link.PortHolders;
import org.romflash.link.ResponderLink;

/** The doctor's walk through the checklist, against emulated chips and fake lines. */
class CheckupTest {
  private static final DeviceDatabase DEVICES = DeviceDatabase.bundled();
  private static final Duration WINDOW = Duration.ofMillis(50);
  private static final List<Checkup.LineSetting> SWEEP = Checkup.sweep(115_200);

  private final List<String> live = new ArrayList<>();

  private CheckupReport run(Checkup.Opener opener, List<Checkup.LineSetting> settings,
      List<PortHolders.Holder> holders) {
    CheckupReport report = new Checkup("/dev/ttyTEST", opener, settings, DEVICES, WINDOW,
        () -> holders, live::add).run();
    assertEquals(report.probes(), live, "each probe line is also reported as it happens");
    return report;
  }

  private static Checkup.Opener emulated(String device, int readProtection) {
    return setting -> {
      Emulator.Simulation sim = Emulator.simulate(DEVICES.byName(device).orElseThrow(),
          Emulator.Options.defaults());
      sim.chip().setReadProtectionLevel(readProtection);
      return new Session.Port(sim.hostLink(), sim);
    };
  }

  private static Checkup.Opener line(UnaryOperator<byte[]> responder) {
    return setting -> {
      ResponderLink link = new ResponderLink("/dev/ttyTEST", responder);
      return new Session.Port(link, link);
    };
  }

  private static final Checkup.LineSetting ONE = new Checkup.LineSetting(115_200, Parity.EVEN);

  @Test
  void theSweepTriesEachUsualBaudWithEvenParityThenNoneStartingWithTheGivenOne() {
    assertEquals("[57600 8E1, 57600 8N1, 115200 8E1, 115200 8N1, 38400 8E1, 38400 8N1,"
        + " 19200 8E1, 19200 8N1, 9600 8E1, 9600 8N1]", Checkup.sweep(57_600).toString());
    assertEquals(12, Checkup.sweep(230_400).size());
  }

  @Test
  void aHealthyChipIsNamedWithItsBootloaderAndNoReadProtectionAndExitsZero() {
    CheckupReport report = run(emulated("F103xB", 0), List.of(ONE), List.of());
    assertEquals(List.of("probe 115200 8E1: 0x79 (ACK): the bootloader answered"),
        report.probes());
    assertEquals(List.of(
        Finding.ok("the bootloader answers at 115200 8E1"),
        Finding.ok("Get: bootloader protocol v2.2, 11 commands"),
        Finding.ok("product ID 0x410: STM32F103xB (STM32F10xxx medium-density)"),
        Finding.ok("read protection: inactive (read 1 byte at 0x08000000)")), report.findings());
    assertEquals(List.of(), report.checklist());
    assertEquals(ExitCode.OK, report.exitCode());
  }

  @Test
  void aReadProtectedChipAnswersButItsRefusedReadIsReportedAsActiveProtection() {
    CheckupReport report = run(emulated("F407xG", 1), List.of(ONE), List.of());
    assertEquals(Finding.warning("read protection is ACTIVE (level 1): Read Memory is refused, so"
        + " flash cannot be read or written", "`romflash unprotect readout --yes` removes it,"
        + " which erases the whole flash"), report.findings().get(3));
    assertEquals(ExitCode.OK, report.exitCode());
  }

  @Test
  void aChipThatNeverAnswersGetsTheChecklistAndExitsThree() {
    CheckupReport report = run(emulated("F103xB", 2), List.of(ONE), List.of());
    assertEquals(List.of("probe 115200 8E1: no answer in 50 ms (0x7F sent twice)"),
        report.probes());
    assertEquals(List.of(Finding.problem(ExitCode.NO_RESPONSE, "nothing answered 0x7F", "")),
        report.findings());
    assertEquals(Checklist.NO_ANSWER, report.checklist());
    assertEquals(ExitCode.NO_RESPONSE, report.exitCode());
  }

  @Test
  void silenceAtEverySettingIsProbedTenTimesAndAnotherHolderOfThePortIsNamedFirst() {
    CheckupReport report = run(line(sent -> new byte[0]), SWEEP,
        List.of(new PortHolders.Holder(812, "minicom")));
    assertEquals(10, report.probes().size());
    assertEquals("probe 9600 8N1: no answer in 50 ms (0x7F sent twice)", report.probes().get(9));
    assertEquals(List.of(
        Finding.warning("/dev/ttyTEST is also open in pid 812 (minicom)", "a program reading the"
            + " port takes the bootloader's answers: close it (unless it is what serves the port,"
            + " such as socat for a pseudo-terminal)"),
        Finding.problem(ExitCode.NO_RESPONSE, "nothing answered 0x7F at any baud rate or parity"
            + " tried", "")), report.findings());
    assertEquals(ExitCode.NO_RESPONSE, report.exitCode());
  }

  @Test
  void aLineThatEchoesStopsTheSweepAtOnceAndExitsThree() {
    CheckupReport report = run(line(sent -> sent), SWEEP, List.of());
    assertEquals(List.of("probe 115200 8E1: echo: 0x7F came back"), report.probes());
    assertEquals(List.of(Finding.problem(ExitCode.NO_RESPONSE, "every byte sent comes straight"
        + " back: 0x7F was echoed and nothing else answered", "a loopback plug or a jumper from TX"
        + " to RX is on the adapter, or it echoes what it sends: connect the adapter's TX to the"
        + " chip's RX only and its RX to the chip's TX only")), report.findings());
    assertEquals(Checklist.NO_ANSWER, report.checklist());
    assertEquals(ExitCode.NO_RESPONSE, report.exitCode());
  }

  @Test
  void anEchoFollowedByAnAnswerIsAJoinedLineAndExitsNine() {
    CheckupReport report = run(line(sent -> new byte[] {sent[0], 0x79}), SWEEP, List.of());
    assertEquals(List.of("probe 115200 8E1: echo: 0x7F 0x79 came back"), report.probes());
    assertEquals(List.of(Finding.problem(ExitCode.PROTOCOL_ERROR, "0x7F came back, followed by"
        + " 0x79: the line echoes what romflash sends", "TX and RX are joined (a one-wire or"
        + " half-duplex connection, or a jumper); romflash needs the adapter's TX to reach only"
        + " the chip's RX and its RX only the chip's TX")), report.findings());
    assertEquals(ExitCode.PROTOCOL_ERROR, report.exitCode());
  }

  @Test
  void garbageAtEverySettingIsABaudOrNoiseProblemAndExitsNine() {
    CheckupReport report = run(line(sent -> new byte[] {(byte) 0xE3, 0x00}), SWEEP, List.of());
    assertEquals(10, report.probes().size());
    assertEquals("probe 115200 8E1: garbage: 0xE3 0x00 (neither ACK nor NACK)",
        report.probes().get(0));
    assertEquals(List.of(Finding.problem(ExitCode.PROTOCOL_ERROR, "bytes came back, but never a"
        + " clean ACK or NACK: the baud rate or parity does not match, or the line is noisy",
        "reset the chip and run doctor again (the bootloader keeps the baud of the first 0x7F"
        + " after reset); check ground and cable length")), report.findings());
    assertEquals(ExitCode.PROTOCOL_ERROR, report.exitCode());
  }

  @Test
  void garbageAtOneBaudThenAnAckAtAnotherFindsTheChip() {
    Checkup.Opener chip = emulated("F103xB", 0);
    Checkup.Opener garbage = line(sent -> new byte[] {(byte) 0xF8});
    CheckupReport report = run(s -> s.baud() == 38_400 ? chip.open(s) : garbage.open(s), SWEEP,
        List.of());
    assertEquals(List.of(
        "probe 115200 8E1: garbage: 0xF8 (neither ACK nor NACK)",
        "probe 115200 8N1: garbage: 0xF8 (neither ACK nor NACK)",
        "probe 57600 8E1: garbage: 0xF8 (neither ACK nor NACK)",
        "probe 57600 8N1: garbage: 0xF8 (neither ACK nor NACK)",
        "probe 38400 8E1: 0x79 (ACK): the bootloader answered"), report.probes());
    assertEquals(Finding.ok("the bootloader answers at 38400 8E1"), report.findings().get(0));
    assertEquals(ExitCode.OK, report.exitCode());
  }

  @Test
  void aPortThatRefusesEvenParityIsProbedWithoutIt() {
    Checkup.Opener chip = emulated("F103xB", 0);
    CheckupReport report = run(s -> {
      if (s.parity() == Parity.EVEN) {
        throw new LinkException("/dev/ttyTEST", "cannot open the port (OS error 22): the device"
            + " rejected parity EVEN");
      }
      return chip.open(s);
    }, SWEEP, List.of());
    assertEquals(List.of(
        "probe 115200 8E1: the port refuses even parity (a pseudo-terminal carries none)",
        "probe 115200 8N1: 0x79 (ACK): the bootloader answered"), report.probes());
    assertEquals(ExitCode.OK, report.exitCode());
  }

  @Test
  void aPortThatDoesNotExistExitsSevenAndPointsAtThePortList() {
    CheckupReport report = run(s -> {
      throw new LinkException("/dev/ttyTEST", "no such serial port");
    }, SWEEP, List.of());
    assertEquals(List.of(), report.probes());
    assertEquals(List.of(Finding.problem(ExitCode.LINK_FAILED, "/dev/ttyTEST: no such serial"
        + " port", "check the port name (ls /dev/ttyUSB* /dev/ttyACM* on Linux), or use --port"
        + " sim:F103xB for the built-in emulated chip; `romflash ports` lists the serial ports")),
        report.findings());
    assertEquals(ExitCode.LINK_FAILED, report.exitCode());
  }

  @Test
  void aPortHeldByAnotherProgramNamesItFirstAndExitsSeven() {
    CheckupReport report = run(s -> {
      throw new LinkException("/dev/ttyTEST", "cannot open the port (OS error 16): the port is"
          + " busy (held by another program)");
    }, SWEEP, List.of(new PortHolders.Holder(4242, "ModemManager")));
    assertEquals(List.of(
        Finding.problem(ExitCode.LINK_FAILED, "/dev/ttyTEST is open in pid 4242 (ModemManager)",
            "close that program (a terminal, ModemManager, another romflash) and run doctor"
                + " again"),
        Finding.problem(ExitCode.LINK_FAILED, "/dev/ttyTEST: cannot open the port (OS error 16):"
            + " the port is busy (held by another program)", "close the other program using the"
            + " port (a terminal, ModemManager, another romflash)")), report.findings());
    assertEquals(ExitCode.LINK_FAILED, report.exitCode());
  }

  @Test
  void anAckFollowedBySilenceToGetIsAChipThatStoppedAnswering() {
    CheckupReport report = run(line(sent -> sent[0] == 0x7F ? new byte[] {0x79} : new byte[0]),
        SWEEP, List.of());
    assertEquals(List.of(
        Finding.ok("the bootloader answers at 115200 8E1"),
        Finding.problem(ExitCode.NO_RESPONSE, "after answering 0x7F at 115200 8E1 the bootloader"
            + " failed: Get (0x00): no reply within 1000 ms (0 of 1 bytes received) at the"
            + " command stage", "the"
            + " chip stopped answering mid-command: check power and wiring, that nothing resets"
            + " the chip (DTR/RTS wiring), or try a lower --baud")), report.findings());
    assertEquals(ExitCode.NO_RESPONSE, report.exitCode());
  }

  @Test
  void anAlreadySynchronisedChipIsConfirmedWithGet() {
    CheckupReport report = run(setting -> {
      Emulator.Simulation sim = Emulator.simulate(DEVICES.byName("G071xB").orElseThrow(),
          Emulator.Options.defaults().synchronised(true));
      return new Session.Port(sim.hostLink(), sim);
    }, List.of(ONE), List.of());
    assertEquals(List.of("probe 115200 8E1: 0x1F (NACK) to the second 0x7F: already"
        + " synchronised"), report.probes());
    assertEquals(Finding.ok("the bootloader answers at 115200 8E1; it was already synchronised (a"
        + " previous program left it waiting for a command), so 0x7F got NACK"),
        report.findings().get(0));
    assertEquals(Finding.ok("product ID 0x460: STM32G071xB (STM32G07xxx/G08xxx)"),
        report.findings().get(2));
    assertEquals(ExitCode.OK, report.exitCode());
  }
}
