package org.romflash.swd.gdb;

import java.nio.charset.StandardCharsets;
import org.romflash.device.Device;

/**
 * {@link GdbRspServer}'s answers to what GDB asks on connecting and to the register packets:
 * qSupported, qXfer (target.xml, memory map), qAttached, qC, the thread list, H, vMustReplyEmpty,
 * g, G, p, P. One thread (id 1), attached to an existing process (qAttached 1), so that
 * {@code detach} leaves the target alone instead of killing it.
 */
final class QueryPackets {
  private final int packetSize;
  private final byte[] targetXml = TargetDescription.xml().getBytes(StandardCharsets.UTF_8);
  private final byte[] memoryMap;
  private final RegisterFile registers;

  QueryPackets(Device device, int packetSize, RegisterFile registers) {
    this.packetSize = packetSize;
    this.memoryMap = MemoryMapXml.of(device).getBytes(StandardCharsets.UTF_8);
    this.registers = registers;
  }

  /** The reply to {@code packet}, or null when it is not one of these packets. */
  String answer(String packet) {
    try {
      return reply(packet);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return MemoryPackets.MALFORMED;
    }
  }

  private String reply(String packet) {
    if (packet.startsWith("qSupported")) {
      return "PacketSize=" + Hex.number(packetSize)
          + ";qXfer:memory-map:read+;qXfer:features:read+;QStartNoAckMode+";
    } else if (packet.startsWith("qXfer:features:read:target.xml:")) {
      return xfer(targetXml, packet.substring("qXfer:features:read:target.xml:".length()));
    } else if (packet.startsWith("qXfer:memory-map:read::")) {
      return xfer(memoryMap, packet.substring("qXfer:memory-map:read::".length()));
    } else if (packet.startsWith("qXfer:")) {
      return "E00";
    } else if (packet.equals("qAttached") || packet.startsWith("qAttached:")) {
      return "1";
    } else if (packet.equals("qC")) {
      return "QC1";
    } else if (packet.equals("qfThreadInfo")) {
      return "m1";
    } else if (packet.equals("qsThreadInfo")) {
      return "l";
    } else if (packet.startsWith("H")) {
      return "OK";
    } else if (packet.equals("g")) {
      return Packets.text(RunLength.encode(Packets.bytes(registers.all())));
    } else if (packet.startsWith("G")) {
      registers.setAll(packet.substring(1));
      return "OK";
    } else if (packet.startsWith("p")) {
      return registers.get((int) Hex.number(packet.substring(1), "register"));
    } else if (packet.startsWith("P")) {
      int equals = packet.indexOf('=');
      registers.set((int) Hex.number(packet.substring(1, equals), "register"),
          packet.substring(equals + 1));
      return "OK";
    }
    return null;
  }

  /** A qXfer read reply: 'm' and a slice when more follows, 'l' and the rest when it is the last. */
  private static String xfer(byte[] document, String range) {
    long[] offsetLength = MemoryPackets.range(range);
    int offset = (int) Math.min(offsetLength[0], document.length);
    int length = (int) Math.min(offsetLength[1], document.length - offset);
    boolean last = offset + length >= document.length;
    return (last ? "l" : "m") + Packets.text(BinaryEscape.escape(document, offset, length));
  }
}
