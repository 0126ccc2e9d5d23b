package org.romflash.swd.gdb;

/**
 * Core registers through a GDB server, by number in the server's target description (ARM: r0-r12
 * are 0-12, sp 13, lr 14, pc 15). One register is read with {@code p} and written with {@code P};
 * servers that refuse those (QEMU answers p/P only to clients that fetched its target.xml) get
 * {@code g} and {@code G}, which carry every register; r0-pc, the first sixteen, are 4 bytes each
 * there in every ARM description, so register n is at byte 4n.
 */
final class GdbRegisters {
  private final RspClient client;

  GdbRegisters(RspClient client) {
    this.client = client;
  }

  int read(int number) {
    String reply = client.request("p" + Hex.number(number));
    if (reply.isEmpty()) {
      reply = all().substring(8 * number, 8 * number + 8);
    }
    return Hex.littleEndian32(reply, "register " + number);
  }

  void write(int number, int value) {
    String text = Hex.littleEndian32(value);
    String reply = client.request("P" + Hex.number(number) + "=" + text);
    if (reply.isEmpty()) {
      String all = all();
      client.requireOk(Packets.bytes("G" + all.substring(0, 8 * number) + text
          + all.substring(8 * number + 8)), client.timeouts().reply());
    } else if (!reply.equals("OK")) {
      throw new RspException("P", reply, "GDB server answered '" + reply + "' to writing register "
          + number);
    }
  }

  private String all() {
    return client.require("g");
  }
}
