package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The external programs some tests talk to (stm32flash, socat, srec_cat, arm-none-eabi binutils,
 * Python with unicorn, gdb-multiarch, qemu-system-arm). A missing one skips the test, unless {@code -Dromflash.requirePeers=true}
 * (CI) makes it a failure.
 */
final class Peers {
  private static final String INSTALL = "apt-get install stm32flash socat srecord"
      + " binutils-arm-none-eabi python3-unicorn qemu-system-arm gdb-multiarch";
  private static final Map<String, String> PYTHONS = new ConcurrentHashMap<>();

  private Peers() {}

  static void require(String program) {
    if (!onPath(program)) {
      missing(program + " is not installed (" + INSTALL + ")");
    }
  }

  /**
   * A Python 3 that can import {@code module}: Debian's /usr/bin/python3 first (where apt puts
   * python3-unicorn), then any python3 on PATH.
   */
  static String requirePython(String module) {
    String found = PYTHONS.computeIfAbsent(module, Peers::findPython);
    if (found.isEmpty()) {
      missing("no python3 can import " + module + " (apt-get install python3-" + module + ")");
    }
    return found;
  }

  private static String findPython(String module) {
    List<String> candidates = new ArrayList<>(List.of("/usr/bin/python3"));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      candidates.add(Path.of(dir, "python3").toString());
    }
    for (String python : candidates) {
      try {
        if (Files.isExecutable(Path.of(python))
            && run(List.of(python, "-c", "import " + module), 30).exitCode() == 0) {
          return python;
        }
      } catch (IOException e) {
        // not a usable python; try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "";
      }
    }
    return "";
  }

  private static void missing(String why) {
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
