package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bench/uart-bench's argument handling and result table, through bench/test-uart-bench. It never
 * runs the benchmark itself: speed is measured by the script, not by timed assertions.
 */
class BenchScriptTest {
  private static final Path PROJECT = Path.of(System.getProperty("romflash.projectDir", "."));

  @Test
  void theBenchmarkScriptParsesItsArgumentsAndSummarisesRuns() throws Exception {
    Peers.require("bash");
    Process process = new ProcessBuilder("bash", PROJECT.resolve("bench/test-uart-bench").toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertEquals(0, process.exitValue(), output);
    assertEquals("all passed", output.strip().lines().reduce((first, last) -> last).orElse(""),
        output);
  }

  @Test
  void theGangBenchmarkRefusesBadArgumentsBeforeDoingAnything() throws Exception {
    Peers.require("bash");
    Process process = new ProcessBuilder("bash", PROJECT.resolve("bench/gang-bench").toString(),
        "--boards", "1").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertEquals(2, process.exitValue(), output);
    assertEquals("gang-bench: --boards must be a number from 2 to 64, not '1'\n", output);
  }
}
