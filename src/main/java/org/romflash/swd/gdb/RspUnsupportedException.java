package org.romflash.swd.gdb;

/**
 * The GDB server answered a packet with the empty reply: it does not implement that packet (GDB
 * manual, "Remote Protocol", Packets). Callers that have another way fall back to it.
 */
public final class RspUnsupportedException extends RspException {
  private static final long serialVersionUID = 1L;

  RspUnsupportedException(String packet) {
    super(packet, "", "the GDB server does not support '" + Packets.describe(packet)
        + "' (empty reply)");
  }
}
