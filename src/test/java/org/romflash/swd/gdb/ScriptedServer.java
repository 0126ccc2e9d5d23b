package org.romflash.swd.gdb;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A GDB server played by a function from packet to reply, for {@link
 * org.romflash.link.ResponderLink}: each framed packet the client writes is acknowledged and
 * answered at once; the packets are recorded in order. A reply may hold several packets separated
 * by "|" (monitor output before OK); null means no reply at all.
 */
final class ScriptedServer implements UnaryOperator<byte[]> {
  private final Function<String, String> replies;
  private final List<String> packets = new ArrayList<>();

  ScriptedServer(Function<String, String> replies) {
    this.replies = replies;
  }

  List<String> packets() {
    return packets;
  }

  @Override
  public byte[] apply(byte[] written) {
    String text = Packets.text(written);
    if (!text.startsWith("$")) {
      return new byte[0];
    }
    String packet = text.substring(1, text.lastIndexOf('#'));
    packets.add(packet);
    String reply = replies.apply(packet);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('+');
    if (reply != null) {
      for (String part : reply.split("\\|", -1)) {
        out.writeBytes(Packets.frame(Packets.bytes(part)));
      }
    }
    return out.toByteArray();
  }
}
