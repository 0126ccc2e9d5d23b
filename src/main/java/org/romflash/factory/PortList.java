package org.romflash.factory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code --ports}: names separated by commas, each a port name, a glob over a directory
 * ({@code /dev/ttyUSB*}), or {@code sim:DEVICE*N} for N emulated chips (named {@code
 * sim:DEVICE#1} to {@code #N}). As in a shell, a glob skips hidden names (starting with a dot)
 * unless it starts with one. Globs are sorted the way people count ({@code ttyUSB2} before
 * {@code ttyUSB10}). A port named twice is refused: two workers on one port would garble both.
 */
public final class PortList {
  private static final Pattern SIM_COUNT = Pattern.compile("(sim:[^*#]+)\\*(\\d+)");

  private PortList() {}

  /**
   * @throws IllegalArgumentException when the list is empty, a glob matches nothing, or a port
   *     repeats
   */
  public static List<String> expand(String spec) {
    List<String> ports = new ArrayList<>();
    for (String item : spec.split(",")) {
      String name = item.strip();
      if (name.isEmpty()) {
        continue;
      }
      Matcher sim = SIM_COUNT.matcher(name);
      if (sim.matches()) {
        int n = Integer.parseInt(sim.group(2));
        if (n < 1 || n > 64) {
          throw new IllegalArgumentException("'" + name + "': between 1 and 64 emulated chips");
        }
        for (int i = 1; i <= n; i++) {
          ports.add(sim.group(1) + "#" + i);
        }
      } else if (!name.startsWith("sim:") && !name.startsWith("tcp://")
          && name.matches(".*[*?\\[].*")) {
        ports.addAll(glob(name));
      } else {
        ports.add(name);
      }
    }
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("--ports names no port");
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String port : ports) {
      if (!unique.add(port)) {
        throw new IllegalArgumentException("port " + port + " is named twice in --ports");
      }
    }
    return ports;
  }

  private static List<String> glob(String pattern) {
    Path full = Path.of(pattern);
    Path dir = full.getParent() == null ? Path.of(".") : full.getParent();
    String leaf = full.getFileName().toString();
    List<String> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, leaf)) {
      for (Path p : entries) {
        if (!p.getFileName().toString().startsWith(".") || leaf.startsWith(".")) {
          found.add(full.getParent() == null ? p.getFileName().toString() : p.toString());
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // Reported below as matching nothing.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("'" + pattern + "' matches no port (is the hub plugged"
          + " in?)");
    }
    found.sort(NATURAL);
    return found;
  }

  /** Orders names by their text, with runs of digits compared as numbers. */
  static final Comparator<String> NATURAL = (a, b) -> {
    Matcher x = Pattern.compile("(\\D*)(\\d*)").matcher(a);
    Matcher y = Pattern.compile("(\\D*)(\\d*)").matcher(b);
    while (x.find() && y.find()) {
      if (x.group().isEmpty() && y.group().isEmpty()) {
        break;
      }
      int c = x.group(1).compareTo(y.group(1));
      if (c == 0 && !x.group(2).isEmpty() && !y.group(2).isEmpty()) {
        c = new java.math.BigInteger(x.group(2)).compareTo(new java.math.BigInteger(y.group(2)));
      }
      if (c == 0) {
        c = x.group(2).compareTo(y.group(2));
      }
      if (c != 0) {
        return c;
      }
    }
    return a.compareTo(b);
  };
}
