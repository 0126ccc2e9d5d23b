package org.romflash.transcript;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.romflash.device.BootloaderProfile;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.link.LinkPair;
import org.romflash.link.LinkTimeoutException;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.BootloaderException;
import org.romflash.protocol.Timeouts;

/**
 * Replays every golden transcript twice: against our client (the transcript plays the chip) and
 * against our emulator (the transcript plays the host). Adding a case is adding a file.
 */
class TranscriptReplayTest {
  private static final DeviceDatabase DEVICES = DeviceDatabase.bundled();
  private static final Duration SILENCE = Duration.ofMillis(150);

  static Stream<Path> transcripts() throws IOException {
    Path dir = Path.of(System.getProperty("romflash.projectDir", "."), "protocol-spec",
        "transcripts");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transcripts")
  void clientSpeaksExactlyTheTranscript(Path file) throws IOException {
    Transcript t = Transcript.read(file);
    ScriptedLink link = new ScriptedLink(t.name(), t.steps());
    Timeouts fast = Timeouts.forBaud(115200).withReply(Duration.ofMillis(50));
    fast = new Timeouts(fast.reply(), Duration.ofMillis(50), fast.syncAttempts(), fast.byteTime(),
        fast.writeBlock(), fast.eraseBase(), fast.erasePerKiB(), Duration.ofMillis(400));
    BootloaderClient client = new BootloaderClient(link, fast);
    client.sendAhead(false); // AN3155's stop-and-wait; transcripts ask for bursts with write-ahead
    String outcome = "ok";
    try {
      for (String call : t.calls()) {
        Calls.run(client, call);
      }
    } catch (BootloaderException e) {
      outcome = e.getClass().getSimpleName() + " " + e.stage().name();
    }
    assertEquals(t.expect(), outcome, t.name() + ": outcome of the calls");
    assertTrue(link.finished(), t.name() + ": the client stopped at " + link.position());
  }

  /** The transcripts the emulator can play: all but those marked {@code # replay: client}. */
  static Stream<Path> emulatorTranscripts() throws IOException {
    List<Path> playable = new java.util.ArrayList<>();
    for (Path file : transcripts().toList()) {
      if (Transcript.read(file).replayOnEmulator()) {
        playable.add(file);
      }
    }
    return playable.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emulatorTranscripts")
  void emulatorAnswersExactlyTheTranscript(Path file) throws Exception {
    Transcript t = Transcript.read(file);
    Device device = DEVICES.byName(t.device()).orElseThrow();
    Chip chip = new Chip(device);
    Emulator.Options options = Emulator.Options.defaults();
    for (String given : t.givens()) {
      options = apply(given, chip, device, options);
    }
    LinkPair pair = LinkPair.create(t.name());
    try (Emulator emulator = Emulator.start(chip, pair.target(), options)) {
      for (Transcript.Step step : t.steps()) {
        if (step.fromHost()) {
          emulator.awaitIdle(Duration.ofSeconds(2));
          pair.host().write(step.bytes());
        } else if (step.silence()) {
          expectSilence(pair, t, step.line());
        } else {
          byte[] actual = readOrFail(pair, step, t);
          assertArrayEquals(step.bytes(), actual, t.name() + " line " + step.line());
        }
      }
      expectSilence(pair, t, -1);
    } finally {
      pair.host().close();
    }
  }

  private static Emulator.Options apply(String given, Chip chip, Device device,
      Emulator.Options options) {
    String[] words = given.split("\\s+");
    switch (words[0]) {
      case "synchronised" -> {
        return options.synchronised(true);
      }
      case "rdp" -> chip.setReadProtectionLevel(Integer.parseInt(words[1]));
      case "memory" -> chip.load(Calls.number(words[1]), HexFormat.of().parseHex(words[2]));
      case "write-protected" -> Arrays.stream(words[1].split(","))
          .forEach(n -> chip.setWriteProtected(Integer.parseInt(n), true));
      case "protocol" -> {
        List<Integer> codes = Arrays.stream(words).skip(2)
            .map(w -> Integer.parseInt(w, 16)).toList();
        return options.withProfile(new BootloaderProfile((int) Calls.number(words[1]), codes,
            device.bootloader().reservedRam()));
      }
      default -> throw new IllegalArgumentException("unknown given '" + given + "'");
    }
    return options;
  }

  private static byte[] readOrFail(LinkPair pair, Transcript.Step step, Transcript t) {
    try {
      return pair.host().read(step.bytes().length, Duration.ofSeconds(2));
    } catch (LinkTimeoutException e) {
      return fail(t.name() + " line " + step.line() + ": the emulator sent " + e.received()
          + " of the " + step.bytes().length + " bytes expected");
    }
  }

  private static void expectSilence(LinkPair pair, Transcript t, int line) {
    try {
      int extra = pair.host().readByte(SILENCE);
      fail(String.format("%s %s: the emulator sent %02X where the transcript has silence", t.name(),
          line < 0 ? "after the last line" : "line " + line, extra));
    } catch (LinkTimeoutException expected) {
      // Silence, as the transcript says.
    }
  }
}
