package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The external programs some tests talk to (stm32flash, socat, srec_cat). A missing one skips the
 * test, unless {@code -Dromflash.requirePeers=true} (CI) makes it a failure.
 */
final class Peers {
  private Peers() {}

  static void require(String program) {
    if (onPath(program)) {
      return;
    }
    String why = program + " is not installed (apt-get install stm32flash socat srecord binutils-arm-none-eabi)";
    if (Boolean.getBoolean("romflash.requirePeers")) {
      fail(why + " and romflash.requirePeers is set");
    }
    assumeTrue(false, why);
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** A finished process: exit code and everything it printed. */
  record Result(int exitCode, String output) {}

  static Result run(List<String> command, long timeoutSeconds) throws IOException,
      InterruptedException {
    Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(command + " did not finish in " + timeoutSeconds + " s");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
