package org.romflash.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A serial port, through jSerialComm. The only class that imports that library (it also
 * enumerates the ports for {@link SerialPorts#system()}).
 *
 * <p>At open every port parameter is set explicitly (baud, 8 data bits, parity, 1 stop bit, all flow
 * control off), DTR and RTS are driven to the idle levels of {@link SerialSettings}, and stale input
 * is drained, so nothing a previous program left on the port changes what happens here. Before
 * close the lines are driven to the same idle levels. Control-line requests the device cannot honour
 * (pseudo-terminals have no DTR/RTS) are reported to the warning sink instead of failing.
 */
public final class SerialLink implements Link {
  private static final int READ_SLICE_MILLIS = 20;

  private final SerialPort port;
  private final String name;
  private final SerialSettings settings;
  private final Consumer<String> warnings;
  private final java.util.Set<String> warned = new java.util.HashSet<>();

  private SerialLink(SerialPort port, String name, SerialSettings settings, Consumer<String> warnings) {
    this.port = port;
    this.name = name;
    this.settings = settings;
    this.warnings = warnings;
  }

  /**
   * Opens and configures {@code path}.
   *
   * @param warnings receives one line per control-line request the device could not honour
   * @throws LinkException naming the port and the operating-system error when it cannot be used
   */
  public static SerialLink open(String path, SerialSettings settings, Consumer<String> warnings) {
    SerialPort port;
    try {
      port = SerialPort.getCommPort(path);
    } catch (SerialPortInvalidPortException e) {
      throw new LinkException(path, "no such serial port", e);
    }
    configure(port, path, settings);
    if (!port.openPort()) {
      throw new LinkException(path, "cannot open the port (OS error " + port.getLastErrorCode()
          + ")" + errnoHint(port, path, settings));
    }
    SerialLink link = new SerialLink(port, path, settings, warnings);
    link.afterOpen();
    return link;
  }

  /**
   * The ports jSerialComm finds. It reports an unknown USB ID as -1 and a missing serial number as
   * "Unknown"; both become absent values here.
   */
  static java.util.List<PortInfo> systemPorts() {
    java.util.List<PortInfo> ports = new java.util.ArrayList<>();
    for (SerialPort port : SerialPort.getCommPorts()) {
      String serial = port.getSerialNumber();
      boolean noSerial = serial == null || serial.isBlank() || serial.equals("Unknown");
      ports.add(new PortInfo(port.getSystemPortPath(),
          port.getPortDescription() == null ? "" : port.getPortDescription().strip(),
          port.getVendorID(), port.getProductID(),
          noSerial ? java.util.Optional.empty() : java.util.Optional.of(serial.strip())));
    }
    return ports;
  }

  private static void configure(SerialPort port, String path, SerialSettings settings) {
    boolean ok =
        port.setComPortParameters(
            settings.baud(), 8, SerialPort.ONE_STOP_BIT, parityCode(settings.parity()));
    ok &= port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    ok &=
        port.setComPortTimeouts(
            SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
            READ_SLICE_MILLIS,
            0);
    if (!ok) {
      throw new LinkException(path, "the port rejected its settings " + describe(settings));
    }
    // Levels set before opening are applied by jSerialComm as the port opens.
    if (settings.dtrIdle()) {
      port.setDTR();
    } else {
      port.clearDTR();
    }
    if (settings.rtsIdle()) {
      port.setRTS();
    } else {
      port.clearRTS();
    }
  }

  private void afterOpen() {
    setDtr(settings.dtrIdle());
    setRts(settings.rtsIdle());
    sleep(settings.settle());
    drain();
  }

  @Override
  public String name() {
    return name;
  }

  /** The settings the port was opened with. */
  public SerialSettings settings() {
    return settings;
  }

  @Override
  public void write(byte[] data, int offset, int length) {
    int written = port.writeBytes(data, length, offset);
    if (written != length) {
      throw new LinkException(
          name,
          "write failed: " + written + " of " + length + " bytes sent (OS error "
              + port.getLastErrorCode() + ")");
    }
  }

  @Override
  public void read(byte[] buffer, int offset, int length, Duration timeout) {
    long deadline = ByteQueue.deadline(timeout);
    int done = 0;
    while (done < length) {
      int got = port.readBytes(buffer, length - done, offset + done);
      if (got < 0) {
        throw new LinkException(
            name, "read failed (OS error " + port.getLastErrorCode() + "): was the adapter unplugged?");
      }
      done += got;
      if (done < length && ByteQueue.remainingNanos(deadline) == 0) {
        throw new LinkTimeoutException(name, length, done, timeout);
      }
    }
  }

  /**
   * Reads and discards whatever input is pending. Deliberately not {@code flushIOBuffers()}: that
   * also discards output still queued for the wire, such as an ACK just written.
   */
  @Override
  public int available() {
    return Math.max(-1, port.bytesAvailable());
  }

  @Override
  public void drain() {
    byte[] scratch = new byte[256];
    int available;
    while ((available = port.bytesAvailable()) > 0) {
      if (port.readBytes(scratch, Math.min(scratch.length, available)) <= 0) {
        return;
      }
    }
  }

  @Override
  public void setDtr(boolean asserted) {
    boolean ok = asserted ? port.setDTR() : port.clearDTR();
    if (!ok) {
      warnOnce("DTR", name + ": cannot drive DTR (this device has no DTR line); continuing"
          + " without it");
    }
  }

  @Override
  public void setRts(boolean asserted) {
    boolean ok = asserted ? port.setRTS() : port.clearRTS();
    if (!ok) {
      warnOnce("RTS", name + ": cannot drive RTS (this device has no RTS line); continuing"
          + " without it");
    }
  }

  @Override
  public void sendBreak(Duration length) {
    if (!port.setBreak()) {
      warnOnce("BREAK", name + ": cannot send BREAK on this device; continuing without it");
      return;
    }
    sleep(length);
    port.clearBreak();
  }

  @Override
  public void close() {
    if (port.isOpen()) {
      setDtr(settings.dtrIdle());
      setRts(settings.rtsIdle());
      port.closePort();
    }
  }

  /** Reports a control line the device cannot drive once per link, not on every use. */
  private void warnOnce(String line, String message) {
    if (warned.add(line)) {
      warnings.accept(message);
    }
  }

  private static int parityCode(Parity parity) {
    return switch (parity) {
      case NONE -> SerialPort.NO_PARITY;
      case EVEN -> SerialPort.EVEN_PARITY;
      case ODD -> SerialPort.ODD_PARITY;
    };
  }

  private static String describe(SerialSettings settings) {
    return "(" + settings.baud() + " baud, 8" + settings.parity().name().charAt(0) + "1)";
  }

  private static String errnoHint(SerialPort port, String path, SerialSettings settings) {
    return switch (port.getLastErrorCode()) {
      case 2 -> ": the port does not exist";
      case 13 -> ": permission denied";
      case 11, 16 -> ": the port is busy (held by another program)";
      case 22 -> settings.parity() == Parity.NONE ? ": the device rejected the settings "
          + describe(settings) : ": the device rejected parity " + settings.parity()
          + (isPseudoTerminal(path) ? " (it is a pseudo-terminal, which cannot carry parity)" : "");
      default -> "";
    };
  }

  private static boolean isPseudoTerminal(String path) {
    try {
      return java.nio.file.Path.of(path).toRealPath().toString().startsWith("/dev/pts/");
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
