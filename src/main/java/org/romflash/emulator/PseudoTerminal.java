package org.romflash.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A pseudo-terminal pair made by socat: {@link #hostPath()} is what a serial tool opens, {@link
 * #targetPath()} (a hidden name beside it, so that globs over ports skip it) is where the emulator
 * listens. Both ends survive tools opening and closing them.
 */
public final class PseudoTerminal implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(5);

  private final Process socat;
  private final Path hostPath;
  private final Path targetPath;

  private PseudoTerminal(Process socat, Path hostPath, Path targetPath) {
    this.socat = socat;
    this.hostPath = hostPath;
    this.targetPath = targetPath;
  }

  /**
   * Starts socat with a link at {@code hostPath} and a second one beside it for the emulator.
   *
   * @throws IOException when socat is missing or does not create the links in time
   */
  public static PseudoTerminal create(Path hostPath) throws IOException {
    Path targetPath = hostPath.resolveSibling("." + hostPath.getFileName() + ".target");
    Files.deleteIfExists(hostPath);
    Files.deleteIfExists(targetPath);
    Process socat;
    try {
      socat = new ProcessBuilder(List.of("socat",
          "pty,raw,echo=0,link=" + hostPath.toAbsolutePath(),
          "pty,raw,echo=0,link=" + targetPath.toAbsolutePath()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new IOException("cannot start socat, which makes the pseudo-terminal: install it"
          + " (apt-get install socat)", e);
    }
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (!(Files.exists(hostPath) && Files.exists(targetPath))) {
      if (!socat.isAlive() || System.nanoTime() > deadline) {
        socat.destroy();
        throw new IOException("socat did not create " + hostPath + " (is the directory writable?)");
      }
      sleep(10);
    }
    return new PseudoTerminal(socat, hostPath, targetPath);
  }

  public Path hostPath() {
    return hostPath;
  }

  public Path targetPath() {
    return targetPath;
  }

  @Override
  public void close() {
    socat.destroy();
    try {
      socat.waitFor();
      Files.deleteIfExists(hostPath);
      Files.deleteIfExists(targetPath);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException ignored) {
      // socat removes its links itself; this is only tidying up after a crash.
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
