package org.romflash.link;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which processes have a serial port open, found the way {@code fuser} does on Linux: by reading
 * the {@code /proc/PID/fd} links. A terminal program or ModemManager that holds the port either
 * makes the open fail or silently eats the bootloader's answers; naming it is the useful hint.
 * Where there is no {@code /proc} (macOS, Windows), or a process belongs to another user and its
 * descriptors cannot be read, nothing is reported for it.
 */
public final class PortHolders {
  private PortHolders() {}

  /** A process with the port open: its ID and its command name from {@code /proc/PID/comm}. */
  public record Holder(long pid, String command) {
    @Override
    public String toString() {
      return "pid " + pid + " (" + command + ")";
    }
  }

  /** The processes that have {@code port} open, per the system's {@code /proc}. */
  public static List<Holder> of(Path port) {
    return of(port, Path.of("/proc"));
  }

  /**
   * The processes under {@code procRoot} (a {@code /proc} layout) that have {@code port} open,
   * lowest process ID first. Symbolic links in {@code port} (such as {@code /dev/serial/by-id}
   * names) are resolved first, as the descriptors point at the real device.
   */
  public static List<Holder> of(Path port, Path procRoot) {
    Path target = realPath(port);
    List<Holder> holders = new ArrayList<>();
    if (!Files.isDirectory(procRoot)) {
      return holders;
    }
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(procRoot, "[0-9]*")) {
      for (Path process : processes) {
        if (holds(process, target)) {
          holders.add(new Holder(Long.parseLong(process.getFileName().toString()),
              command(process)));
        }
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable /proc: report what was found so far.
    }
    holders.sort(java.util.Comparator.comparingLong(Holder::pid));
    return holders;
  }

  private static boolean holds(Path process, Path target) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
      for (Path fd : fds) {
        try {
          if (Files.readSymbolicLink(fd).equals(target)) {
            return true;
          }
        } catch (IOException | UnsupportedOperationException e) {
          // The descriptor closed while we looked, or is not a link.
        }
      }
    } catch (IOException | RuntimeException e) {
      // Another user's process, or one that exited: its descriptors cannot be read.
    }
    return false;
  }

  private static String command(Path process) {
    try {
      return Files.readString(process.resolve("comm")).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  private static Path realPath(Path port) {
    try {
      return port.toRealPath();
    } catch (IOException e) {
      return port.toAbsolutePath().normalize();
    }
  }
}
