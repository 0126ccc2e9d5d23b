package org.romflash.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * All known devices: the files bundled in the jar (listed in {@code devices/INDEX}), then any
 * {@code *.yaml} files from user directories, whose entries replace bundled ones with the same name.
 */
public final class DeviceDatabase {
  private final List<Device> devices;

  private DeviceDatabase(List<Device> devices) {
    this.devices = List.copyOf(devices);
  }

  /** The devices bundled with romflash. */
  public static DeviceDatabase bundled() {
    return withUserDirectories(List.of());
  }

  /** The bundled devices, overridden and extended by the YAML files in {@code directories}. */
  public static DeviceDatabase withUserDirectories(List<Path> directories) {
    Map<String, Device> byName = new LinkedHashMap<>();
    for (String file : bundledFiles()) {
      try (InputStream in = resource("devices/" + file)) {
        DeviceFileReader.read(file, in).forEach(d -> byName.put(d.name().toUpperCase(Locale.ROOT), d));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (Path directory : directories) {
      for (Path file : yamlFiles(directory)) {
        try (InputStream in = Files.newInputStream(file)) {
          DeviceFileReader.read(file.toString(), in)
              .forEach(d -> byName.put(d.name().toUpperCase(Locale.ROOT), d));
        } catch (IOException e) {
          throw new DeviceFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
      }
    }
    return new DeviceDatabase(new ArrayList<>(byName.values()));
  }

  public List<Device> all() {
    return devices;
  }

  /** The devices with this product ID (usually one). */
  public List<Device> byPid(int pid) {
    return devices.stream().filter(d -> d.pid() == pid).toList();
  }

  /** The device with this name, ignoring case and an optional "STM32" prefix. */
  public Optional<Device> byName(String name) {
    return devices.stream().filter(d -> d.answersTo(name)).findFirst();
  }

  /** The names of all devices, for messages that list what is known. */
  public List<String> names() {
    return devices.stream().map(Device::name).toList();
  }

  private static List<String> bundledFiles() {
    try (InputStream in = resource("devices/INDEX")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = DeviceDatabase.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("bundled resource " + path + " is missing from the jar");
    }
    return in;
  }

  private static List<Path> yamlFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new DeviceFileException(directory + ": is not a directory of device files");
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new DeviceFileException(directory + ": cannot be listed: " + e.getMessage(), e);
    }
  }
}
