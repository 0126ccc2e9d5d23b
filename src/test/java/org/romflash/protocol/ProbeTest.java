package org.romflash.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;
import org.romflash.link.ResponderLink;

/** A single 0x7F probe names what came back instead of retrying or throwing. */
class ProbeTest {
  private static final Duration WINDOW = Duration.ofMillis(100);

  private static SyncAnswer probe(Emulator.Options options, int readProtection) {
    try (Emulator.Simulation sim = Emulator.simulate(
        DeviceDatabase.bundled().byName("F103xB").orElseThrow(), options)) {
      sim.chip().setReadProtectionLevel(readProtection);
      BootloaderClient client = new BootloaderClient(sim.hostLink(), Timeouts.forBaud(115200));
      SyncAnswer answer = client.probe(WINDOW);
      if (answer instanceof SyncAnswer.Ack || answer instanceof SyncAnswer.Nack) {
        assertEquals(0x410, client.getId(), "after the probe the bootloader takes a command");
      }
      return answer;
    }
  }

  private static SyncAnswer probe(ResponderLink link) {
    return new BootloaderClient(link, Timeouts.forBaud(115200)).probe(WINDOW);
  }

  @Test
  void aBootloaderInItsAutobaudStateAnswersAck() {
    assertEquals(new SyncAnswer.Ack(1), probe(Emulator.Options.defaults(), 0));
  }

  @Test
  void anAlreadySynchronisedBootloaderNacksTheSecond0x7F() {
    assertEquals(new SyncAnswer.Nack(2), probe(Emulator.Options.defaults().synchronised(true), 0));
  }

  @Test
  void aChipAtReadProtectionLevelTwoIsSilentToBoth0x7F() {
    assertEquals(new SyncAnswer.Silence(WINDOW), probe(Emulator.Options.defaults(), 2));
  }

  @Test
  void aLineThatEchoesReturnsThe0x7FAndNothingElseIsAnEchoAfterOneByte() {
    ResponderLink echo = new ResponderLink("loop", sent -> sent);
    assertEquals(new SyncAnswer.Echo(List.of(0x7F)), probe(echo));
    assertEquals(1, echo.writes());
  }

  @Test
  void anEchoFollowedByTheChipsAckIsStillAnEchoAndKeepsBothBytes() {
    assertEquals(new SyncAnswer.Echo(List.of(0x7F, 0x79)),
        probe(new ResponderLink("one-wire", sent -> new byte[] {sent[0], 0x79})));
  }

  @Test
  void bytesThatAreNeitherAckNorNackAreGarbage() {
    assertEquals(new SyncAnswer.Garbage(List.of(0xE3, 0x00)),
        probe(new ResponderLink("wrong baud", sent -> new byte[] {(byte) 0xE3, 0x00})));
    assertEquals(new SyncAnswer.Garbage(List.of(0x79, 0x79)),
        probe(new ResponderLink("double", sent -> new byte[] {0x79, 0x79})));
  }

  @Test
  void oneNoiseZeroBeforeTheAckIsToleratedAsSynchronisingIs() {
    assertEquals(new SyncAnswer.Ack(1),
        probe(new ResponderLink("noisy", sent -> new byte[] {0x00, 0x79})));
  }
}
