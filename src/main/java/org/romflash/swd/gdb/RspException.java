package org.romflash.swd.gdb;

import org.romflash.swd.DebugAccessException;

/**
 * A GDB server refused a packet ({@code Exx} or {@code E.message}), did not answer it, or broke the
 * protocol. Names the packet and the reply, so a message reads "GDB server replied E01 to
 * 'm8000000,4'".
 */
public class RspException extends DebugAccessException {
  private static final long serialVersionUID = 1L;

  private final String packet;
  private final String reply;

  RspException(String packet, String reply, String message) {
    super(message);
    this.packet = packet;
    this.reply = reply;
  }

  RspException(String packet, String reply, String message, Throwable cause) {
    super(message, cause);
    this.packet = packet;
    this.reply = reply;
  }

  /** An error reply {@code reply} to {@code packet}. */
  static RspException errorReply(String packet, String reply) {
    return new RspException(packet, reply, "GDB server replied " + Packets.describe(reply)
        + " to '" + Packets.describe(packet) + "'");
  }

  /** Whether a reply is an error: "E" and two hex digits, or "E." and a message. */
  static boolean isError(String reply) {
    return reply.length() == 3 && reply.charAt(0) == 'E'
        && Character.digit(reply.charAt(1), 16) >= 0 && Character.digit(reply.charAt(2), 16) >= 0
        || reply.startsWith("E.");
  }

  /** The packet sent (for binary packets, its bytes one char each). */
  public String packet() {
    return packet;
  }

  /** The reply received; empty when there was none. */
  public String reply() {
    return reply;
  }
}
