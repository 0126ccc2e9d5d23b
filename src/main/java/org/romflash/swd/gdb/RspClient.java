package org.romflash.swd.gdb;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.romflash.link.Link;
import org.romflash.link.LinkTimeoutException;

/**
 * A client of a GDB remote-protocol server (OpenOCD, pyOCD, probe-rs, st-util, a Black Magic
 * Probe's serial port, QEMU's gdbstub, {@link GdbRspServer}) over a {@link Link}: negotiates
 * features and no-ack mode at connect, then exchanges one packet for one reply. {@link GdbMemory},
 * {@link GdbCore} and {@link GdbFlashTarget} are built on it.
 *
 * <p>Replies are run-length expanded before they are returned. An error reply ({@code Exx}) becomes
 * an {@link RspException} naming the packet; the empty reply ("not supported") is returned empty
 * by {@link #request} and becomes an {@link RspUnsupportedException} in {@link #require}.
 */
public final class RspClient implements AutoCloseable {
  private final RspConnection connection;
  private final RspTimeouts timeouts;
  private ServerFeatures features = ServerFeatures.parse("");

  private RspClient(Link link, RspTimeouts timeouts) {
    this.connection = new RspConnection(link);
    this.timeouts = timeouts;
  }

  /**
   * Connects: sends '+' as GDB does, asks qSupported, and turns acknowledgments off when the
   * server offers QStartNoAckMode.
   */
  public static RspClient connect(Link link, RspTimeouts timeouts) {
    RspClient client = new RspClient(link, timeouts);
    link.write(Packets.ACK);
    client.features = ServerFeatures.parse(client.request("qSupported"));
    if (client.features.noAckMode() && client.request("QStartNoAckMode").equals("OK")) {
      client.connection.stopAcks();
    }
    return client;
  }

  ServerFeatures features() {
    return features;
  }

  /** The largest packet the server takes, in bytes. */
  public int packetSize() {
    return features.packetSize();
  }

  public RspTimeouts timeouts() {
    return timeouts;
  }

  /** Whether the server acknowledges packets ('+'); false once no-ack mode is on. */
  public boolean acknowledging() {
    return connection.acks();
  }

  /** Sends {@code packet}; returns the reply, empty when the server does not support it. */
  public String request(String packet) {
    return request(packet, timeouts.reply());
  }

  String request(String packet, Duration timeout) {
    return Packets.text(exchange(Packets.bytes(packet), timeout));
  }

  /** Like {@link #request} but an empty reply is an {@link RspUnsupportedException}. */
  public String require(String packet) {
    return require(packet, timeouts.reply());
  }

  String require(String packet, Duration timeout) {
    String reply = request(packet, timeout);
    if (reply.isEmpty()) {
      throw new RspUnsupportedException(packet);
    }
    return reply;
  }

  /** Sends {@code packet} and insists on "OK". */
  void requireOk(byte[] packet, Duration timeout) {
    String reply = Packets.text(exchange(packet, timeout));
    if (reply.isEmpty()) {
      throw new RspUnsupportedException(Packets.text(packet));
    }
    if (!reply.equals("OK")) {
      throw new RspException(Packets.text(packet), reply, "GDB server answered '"
          + Packets.describe(reply) + "' to '" + Packets.describe(packet) + "', not OK");
    }
  }

  /** One packet, one reply (expanded); error replies throw. */
  byte[] exchange(byte[] packet, Duration timeout) {
    connection.send(packet, timeout);
    byte[] reply = receive(packet, timeout);
    String text = Packets.text(reply);
    if (RspException.isError(text)) {
      throw RspException.errorReply(Packets.text(packet), text);
    }
    return reply;
  }

  /** The next reply to {@code packet}, run-length expanded. */
  byte[] receive(byte[] packet, Duration timeout) {
    try {
      return RunLength.expand(connection.receivePacket(timeout));
    } catch (LinkTimeoutException e) {
      throw new RspException(Packets.text(packet), "", "no reply to '" + Packets.describe(packet)
          + "' within " + timeout.toMillis() + " ms", e);
    } catch (IllegalArgumentException e) {
      throw new RspException(Packets.text(packet), "", "malformed reply to '"
          + Packets.describe(packet) + "': " + e.getMessage(), e);
    }
  }

  /** Why the target stopped ({@code ?}): a stop reply such as {@code S05} or {@code T05...}. */
  public String stopReason() {
    return require("?");
  }

  /**
   * Runs a monitor command (qRcmd) and returns what it printed (the O packets before "OK").
   *
   * @throws RspUnsupportedException when the server has no monitor commands
   */
  public String monitor(String command) {
    String packet = "qRcmd," + Hex.ofText(command);
    byte[] bytes = Packets.bytes(packet);
    connection.send(bytes, timeouts.monitor());
    StringBuilder output = new StringBuilder();
    while (true) {
      String reply = Packets.text(receive(bytes, timeouts.monitor()));
      if (reply.equals("OK")) {
        return output.toString();
      }
      if (reply.isEmpty()) {
        throw new RspUnsupportedException(packet);
      }
      if (RspException.isError(reply)) {
        throw new RspException(packet, reply, "monitor command '" + command + "' failed ("
            + reply + ")" + (output.length() > 0 ? ": " + output.toString().trim() : ""));
      }
      if (reply.charAt(0) != 'O') {
        throw new RspException(packet, reply, "unexpected reply '" + Packets.describe(reply)
            + "' to monitor command '" + command + "'");
      }
      output.append(Hex.text(reply.substring(1), "monitor output"));
    }
  }

  /**
   * Reads a whole qXfer object ({@code qXfer:OBJECT:read:ANNEX:offset,length}) in chunks the
   * packet size allows, until the server marks the last one ('l').
   */
  public byte[] readXfer(String object, String annex) {
    ByteArrayOutputStream document = new ByteArrayOutputStream();
    int chunk = Math.max(16, packetSize() - 8);
    while (true) {
      String packet = "qXfer:" + object + ":read:" + annex + ":"
          + Hex.number(document.size()) + "," + Hex.number(chunk);
      byte[] reply = Packets.bytes(require(packet));
      if (reply[0] != 'm' && reply[0] != 'l') {
        throw new RspException(packet, Packets.text(reply), "qXfer reply starts with neither"
            + " 'm' nor 'l': '" + Packets.describe(reply) + "'");
      }
      document.writeBytes(BinaryEscape.unescape(reply, 1, reply.length - 1));
      if (reply[0] == 'l' || reply.length == 1) {
        return document.toByteArray();
      }
    }
  }

  /** Sends the interrupt byte and waits for the stop reply. */
  String interrupt() {
    connection.sendInterrupt();
    return Packets.text(receive(new byte[] {Packets.INTERRUPT}, timeouts.halt()));
  }

  /** Sends a packet that has no reply until the target stops ({@code c}, {@code vCont;c}). */
  void sendWithoutReply(String packet) {
    connection.send(Packets.bytes(packet), timeouts.reply());
  }

  /** Detaches ({@code D}) and closes the link; the server lets the target run on. */
  public void detach() {
    try {
      request("D");
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    connection.link().close();
  }
}
