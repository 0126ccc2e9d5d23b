package org.romflash.cli;

import java.util.List;
import java.util.function.Consumer;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;
import org.romflash.link.EntryExit;
import org.romflash.link.LineSequence;
import org.romflash.link.Link;
import org.romflash.link.LoggingLink;
import org.romflash.link.Parity;
import org.romflash.link.SerialLink;
import org.romflash.link.SerialSettings;
import org.romflash.link.TcpLink;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.BootloaderInfo;
import org.romflash.protocol.Timeouts;
import org.romflash.flash.BootloaderTarget;
import org.romflash.flash.ChipIdentity;

/** An open connection to an identified chip: link, client, device entry and flash target. */
final class Session implements AutoCloseable {
  private final Link link;
  private final AutoCloseable owner;
  private final BootloaderClient client;
  private final BootloaderInfo info;
  private final int pid;
  private final ChipIdentity identity;
  private final BootloaderTarget target;
  private final LineSequence exitSequence;
  private final ProbeSession probe;

  private Session(Link link, AutoCloseable owner, BootloaderClient client, BootloaderInfo info,
      int pid, ChipIdentity identity, int retries, LineSequence exitSequence,
      Consumer<String> warnings) {
    this.link = link;
    this.exitSequence = exitSequence;
    this.owner = owner;
    this.client = client;
    this.info = info;
    this.pid = pid;
    this.identity = identity;
    this.target = identity == null ? null
        : new BootloaderTarget(client, identity.device(), retries, warnings);
    this.probe = null;
  }

  private Session(ProbeSession probe) {
    this.link = null;
    this.owner = probe;
    this.client = null;
    this.info = null;
    this.identity = probe.identity();
    this.pid = identity.device().pid();
    this.target = null;
    this.exitSequence = new LineSequence(List.of());
    this.probe = probe;
  }

  /**
   * Opens the port, runs the entry line sequence, synchronises (unless {@code --no-init}), reads
   * the command list and the product ID, finds the device. A chip missing from the database still
   * gets a session, for {@code info}; asking it for its device is then an {@link
   * UnknownDeviceException}. Bad line options throw IllegalArgumentException before the port is
   * opened.
   */
  static Session open(ConnectionOptions options, Consumer<String> warnings) {
    ProbeOptions via = options.probe;
    if (via.via == ProbeOptions.Via.uart || via.via == ProbeOptions.Via.auto && via.probe == null
        && !options.portGiven()) {
      return open(options, options.portOrDefault(), warnings);
    }
    if (via.probeFirst(options.portGiven())) {
      return new Session(Probes.open(via, options.devices.database(), warnings));
    }
    try {
      return open(options, options.portOrDefault(), warnings);
    } catch (org.romflash.protocol.NoReplyException e) {
      if (e.stage() != org.romflash.protocol.Stage.SYNC || !ProbeFallback.available(via)) {
        throw e;
      }
      warnings.accept("the bootloader on " + options.portOrDefault() + " does not answer 0x7F;"
          + " continuing through the probe " + via.probe);
      return new Session(Probes.open(via, options.devices.database(), warnings));
    }
  }

  /** As {@link #open(ConnectionOptions, Consumer)}, on the port named {@code port}. */
  static Session open(LinkOptions options, String port, Consumer<String> warnings) {
    EntryExit lines = options.lines.sequences();
    Port opened = openPort(options, port, options.baud, options.parity, warnings);
    if (options.log != null) {
      opened = opened.logged(options.log);
    }
    return start(options, lines, opened.link(), opened.owner(), warnings);
  }

  /**
   * A session on a link someone else owns (a gang station's fixture): closing the session leaves
   * the link open.
   */
  static Session on(LinkOptions options, Link link, Consumer<String> warnings) {
    return start(options, options.lines.sequences(), link, () -> { }, warnings);
  }

  private static Session start(LinkOptions options, EntryExit lines, Link link,
      AutoCloseable owner, Consumer<String> warnings) {
    DeviceDatabase database = options.devices.database();
    try {
      lines.entry().run(link);
      BootloaderClient client = new BootloaderClient(link, Timeouts.forBaud(options.baud));
      BootloaderInfo info = options.lines.noInit || options.resume ? getWithoutInit(client)
          : client.connect();
      int pid = client.getId();
      List<Device> candidates = database.byPid(pid);
      if (candidates.isEmpty()) {
        return new Session(link, owner, client, info, pid, null, options.retries, lines.exit(),
            warnings);
      }
      ChipIdentity identity = ChipIdentity.identify(
          new BootloaderTarget(client, candidates.get(0), options.retries)::read, candidates);
      identity.notes().forEach(warnings);
      Session session = new Session(link, owner, client, info, pid, identity, options.retries,
          lines.exit(), warnings);
      if (!lines.entry().steps().isEmpty()) {
        Link wired = link;
        session.target.reenterWith(() -> lines.entry().run(wired));
      }
      return session;
    } catch (RuntimeException e) {
      closeQuietly(owner);
      throw e;
    }
  }

  /** An open link and what to close to release it (the port, or the whole simulation). */
  record Port(Link link, AutoCloseable owner) implements AutoCloseable {
    /** This port with every byte and line change also written to the transcript {@code file}. */
    Port logged(java.nio.file.Path file) {
      LoggingLink logged = TranscriptLog.open(file, link);
      return new Port(logged, () -> {
        logged.close();
        owner.close();
      });
    }

    @Override
    public void close() {
      closeQuietly(owner);
    }
  }

  /**
   * Opens {@code --port} without talking to the chip: a serial port at {@code baud} and {@code
   * parity}, a TCP serial server, or a fresh emulated chip (for which baud and parity mean nothing).
   */
  /** Get on a chip assumed synchronised; silence then most likely means it was not. */
  private static BootloaderInfo getWithoutInit(BootloaderClient client) {
    try {
      return client.get();
    } catch (org.romflash.protocol.NoReplyException e) {
      throw new NotSynchronisedException(e);
    }
  }

  static Port openPort(ConnectionOptions options, int baud, Parity parity,
      Consumer<String> warnings) {
    return openPort(options, options.portOrDefault(), baud, parity, warnings);
  }

  /**
   * As {@link #openPort(ConnectionOptions, int, Parity, Consumer)}, on {@code port}. A gang's
   * {@code sim:DEVICE#N} is the Nth of several emulated chips: its unique ID says N.
   */
  static Port openPort(LinkOptions options, String port, int baud, Parity parity,
      Consumer<String> warnings) {
    if (port.startsWith("sim:")) {
      Emulator.Simulation sim = SimulatedBoard.start(options, port, 1);
      return new Port(sim.hostLink(), sim);
    }
    Link link = port.startsWith("tcp://") ? tcp(port)
        : SerialLink.open(port, SerialSettings.defaults().withBaud(baud).withParity(parity),
            warnings);
    return new Port(link, link);
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

  /** @throws NeedsBootloaderException when the chip is reached through a probe */
  BootloaderClient client() {
    if (probe != null) {
      throw new NeedsBootloaderException();
    }
    return client;
  }

  /** @throws NeedsBootloaderException when the chip is reached through a probe */
  BootloaderInfo info() {
    if (probe != null) {
      throw new NeedsBootloaderException();
    }
    return info;
  }

  int pid() {
    return pid;
  }

  /**
   * The chip's entry, with the flash its flash-size register reports.
   *
   * @throws UnknownDeviceException when the product ID is not in the database
   */
  Device device() {
    return identity().device();
  }

  /** @throws UnknownDeviceException when the product ID is not in the database */
  ChipIdentity identity() {
    if (identity == null) {
      throw new UnknownDeviceException(String.format("the chip reports product ID 0x%03X, which is"
          + " not in the device database", pid));
    }
    return identity;
  }

  /** Whether the product ID is in the database. */
  boolean identified() {
    return identity != null;
  }

  /**
   * The ROM bootloader's flash path.
   *
   * @throws NeedsBootloaderException when the chip is reached through a probe
   */
  BootloaderTarget target() {
    identity();
    if (probe != null) {
      throw new NeedsBootloaderException();
    }
    return target;
  }

  /** The flash, through whichever path reaches the chip. */
  org.romflash.flash.FlashTarget flash() {
    identity();
    return probe != null ? probe.flash() : target;
  }

  /** The probe, or null when the ROM bootloader is used. */
  ProbeSession probe() {
    return probe;
  }

  /**
   * The option bytes through the probe, or null when the ROM bootloader is used.
   *
   * @throws NeedsBootloaderException when the probe cannot program this chip's option bytes
   */
  org.romflash.swd.stm32.OptionProgrammer probeOptions() {
    if (probe == null) {
      return null;
    }
    return probe.options().orElseThrow(NeedsBootloaderException::new);
  }

  /** Lets the bootloader path verify with the RAM CRC routine; a probe reads back anyway. */
  void useRamRoutine(boolean on) {
    if (probe == null) {
      target().useRamRoutine(on);
    }
  }

  /** Whether --exit or the wiring presets gave a line sequence to run after success. */
  boolean hasExitSequence() {
    return !exitSequence.steps().isEmpty();
  }

  /** Runs the exit line sequence, if one was given: the command succeeded. */
  void runExitSequence() {
    if (link != null) {
      exitSequence.run(link);
    }
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
}
