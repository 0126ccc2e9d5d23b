package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --log FILE}: every byte of the session, time-stamped, in order. */
class TranscriptLogTest {
  @TempDir Path dir;

  @Test
  void theTranscriptHoldsTheSyncGetAndGetIdExchangesByteForByte() throws Exception {
    Path log = dir.resolve("session.log");
    Cli cli = Cli.run("info", "--log", log.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    List<String> lines = Files.readAllLines(log).stream()
        .map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    assertEquals(List.of("# opened sim:F103xB", "# input drained", "> 7F", "< 79", "> 00 FF",
        "< 79", "< 0B", "< 22 00 01 02 11 21 31 43 63 73 82 92", "< 79", "> 02 FD", "< 79",
        "< 01", "< 04 10", "< 79"), lines.subList(0, 14));
    assertEquals("# closed", lines.get(lines.size() - 1));
    assertTrue(Files.readAllLines(log).get(0).matches(
        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z # opened sim:F103xB"));
  }

  @Test
  void aTimeoutIsLoggedWithWhatArrived() throws Exception {
    Path log = dir.resolve("silent.log");
    Cli cli = Cli.run("info", "--sim-rdp", "2", "--log", log.toString());
    assertEquals(3, cli.exitCode(), cli.toString());
    assertTrue(Files.readString(log).contains(" < timeout after "), Files.readString(log));
  }

  @Test
  void anUnwritableLogIsALinkFailureBeforeAnythingIsSent() {
    Cli cli = Cli.run("info", "--log", dir.resolve("no/such/dir/x.log").toString());
    assertEquals(7, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("cannot write the --log transcript"), cli.err());
  }
}
