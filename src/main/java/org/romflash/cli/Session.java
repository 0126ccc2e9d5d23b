package org.romflash.cli;

import java.util.function.Consumer;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.FaultPlan;
import org.romflash.link.Link;
import org.romflash.link.SerialLink;
import org.romflash.link.SerialSettings;
import org.romflash.link.TcpLink;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.BootloaderInfo;
import org.romflash.protocol.Timeouts;
import org.romflash.flash.BootloaderTarget;

/** An open connection to an identified chip: link, client, device entry and flash target. */
final class Session implements AutoCloseable {
  private final Link link;
  private final AutoCloseable owner;
  private final BootloaderClient client;
  private final BootloaderInfo info;
  private final int pid;
  private final Device device;
  private final BootloaderTarget target;

  private Session(Link link, AutoCloseable owner, BootloaderClient client, BootloaderInfo info,
      int pid, Device device, int retries) {
    this.link = link;
    this.owner = owner;
    this.client = client;
    this.info = info;
    this.pid = pid;
    this.device = device;
    this.target = new BootloaderTarget(client, device, retries);
  }

  /** Opens the port, synchronises, reads the command list and the product ID, finds the device. */
  static Session open(ConnectionOptions options, Consumer<String> warnings) {
    DeviceDatabase database = DeviceDatabase.withUserDirectories(options.deviceDirectories);
    String port = options.portOrDefault();
    Link link;
    AutoCloseable owner;
    if (port.startsWith("sim:")) {
      Emulator.Simulation sim = simulate(port.substring(4), database, options);
      link = sim.hostLink();
      owner = sim;
    } else if (port.startsWith("tcp://")) {
      link = tcp(port);
      owner = link;
    } else {
      link = SerialLink.open(port, SerialSettings.defaults().withBaud(options.baud)
          .withParity(options.parity), warnings);
      owner = link;
    }
    try {
      BootloaderClient client = new BootloaderClient(link, Timeouts.forBaud(options.baud));
      BootloaderInfo info = client.connect();
      int pid = client.getId();
      Device device = database.byPid(pid).stream().findFirst()
          .orElseThrow(() -> new UnknownDeviceException(String.format(
              "the chip reports product ID 0x%03X, which is not in the device database", pid)));
      return new Session(link, owner, client, info, pid, device, options.retries);
    } catch (RuntimeException e) {
      closeQuietly(owner);
      throw e;
    }
  }

  private static Emulator.Simulation simulate(String name, DeviceDatabase database,
      ConnectionOptions options) {
    Device device = database.byName(name).orElseThrow(() -> new UnknownDeviceException(
        "no device called '" + name + "' for sim:; known: " + String.join(", ",
            database.all().stream().map(Device::name).toList())));
    Emulator.Options emulatorOptions = Emulator.Options.defaults();
    if (options.simFaults != null) {
      emulatorOptions = emulatorOptions.withFaults(FaultSpec.parse(options.simFaults));
    }
    Emulator.Simulation sim = Emulator.simulate(device, emulatorOptions);
    sim.chip().setReadProtectionLevel(options.simReadProtection);
    return sim;
  }

  private static Link tcp(String port) {
    String rest = port.substring("tcp://".length());
    int colon = rest.lastIndexOf(':');
    if (colon < 0) {
      throw new picocli.CommandLine.TypeConversionException("'" + port
          + "' needs a port number: tcp://HOST:PORT");
    }
    return TcpLink.connect(rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)));
  }

  Link link() {
    return link;
  }

  BootloaderClient client() {
    return client;
  }

  BootloaderInfo info() {
    return info;
  }

  int pid() {
    return pid;
  }

  Device device() {
    return device;
  }

  BootloaderTarget target() {
    return target;
  }

  @Override
  public void close() {
    closeQuietly(owner);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Closing is best effort; the command's own outcome is what matters.
    }
  }

  /** Parses --sim-faults. */
  static final class FaultSpec {
    private FaultSpec() {}

    static FaultPlan parse(String spec) {
      long seed = 1;
      double drop = 0;
      double corrupt = 0;
      double nack = 0;
      for (String part : spec.split(",")) {
        String[] kv = part.split("=", 2);
        if (kv.length != 2) {
          throw new picocli.CommandLine.TypeConversionException("--sim-faults: '" + part
              + "' is not KEY=VALUE");
        }
        switch (kv[0].trim()) {
          case "seed" -> seed = Long.parseLong(kv[1].trim());
          case "drop" -> drop = Double.parseDouble(kv[1].trim());
          case "corrupt" -> corrupt = Double.parseDouble(kv[1].trim());
          case "nack" -> nack = Double.parseDouble(kv[1].trim());
          default -> throw new picocli.CommandLine.TypeConversionException("--sim-faults: unknown"
              + " key '" + kv[0] + "' (seed, drop, corrupt, nack)");
        }
      }
      return new FaultPlan(seed, drop, corrupt, nack, 16);
    }
  }
}
