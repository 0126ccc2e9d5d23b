package org.romflash.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.device.DeviceQuery;
import picocli.CommandLine.Option;

/** {@code --devices DIR}: the device database, bundled entries plus the user's own files. */
final class DatabaseOptions {
  @Option(names = "--devices", paramLabel = "DIR",
      description = "Extra device files (*.yaml) that add to or override the bundled database.")
  List<Path> directories = new ArrayList<>();

  DeviceDatabase database() {
    return DeviceDatabase.withUserDirectories(directories);
  }

  /** The device called {@code name}; the error lists the names that are known. */
  Device named(String name) {
    DeviceDatabase database = database();
    return database.byName(name).orElseThrow(() -> new UnknownDeviceException("no device called '"
        + name + "'" + suggestion(database, name)));
  }

  /** "; did you mean F103xB?" from the entries a looser query finds, or where to look. */
  private static String suggestion(DeviceDatabase database, String name) {
    List<Device> close = DeviceQuery.find(database.all(), name);
    if (!close.isEmpty() && close.size() <= 8) {
      return "; did you mean " + String.join(" or ", close.stream().map(Device::name).toList())
          + "?";
    }
    return "; 'romflash devices' lists the " + database.all().size() + " known ones";
  }
}
