package org.romflash.swd.gdb;

import java.nio.charset.StandardCharsets;

/**
 * Packet framing of the GDB remote serial protocol (GDB manual, "Remote Protocol", Overview):
 *
 * <pre>
 *   $ packet-data # c c      c c = two lowercase hex digits of the sum of the packet-data bytes mod 256
 *   +                        acknowledgment: received correctly
 *   -                        request to send the last packet again
 *   0x03                     interrupt (Ctrl-C): stop the running target
 * </pre>
 *
 * An empty reply ({@code $#00}) means "packet not supported"; {@code Exx} is an error number.
 */
final class Packets {
  static final byte START = '$';
  static final byte END = '#';
  static final byte ACK = '+';
  static final byte NAK = '-';
  static final byte INTERRUPT = 0x03;
  /** The start of a notification ({@code %Stop:...}), sent only in non-stop mode. */
  static final byte NOTIFICATION = '%';

  private Packets() {}

  /** The modulo-256 sum of the bytes, the packet checksum. */
  static int checksum(byte[] data) {
    int sum = 0;
    for (byte b : data) {
      sum += b & 0xFF;
    }
    return sum & 0xFF;
  }

  /** {@code $data#cc}. */
  static byte[] frame(byte[] data) {
    byte[] framed = new byte[data.length + 4];
    framed[0] = START;
    System.arraycopy(data, 0, framed, 1, data.length);
    framed[data.length + 1] = END;
    String sum = Hex.of(new byte[] {(byte) checksum(data)});
    framed[data.length + 2] = (byte) sum.charAt(0);
    framed[data.length + 3] = (byte) sum.charAt(1);
    return framed;
  }

  /** Packet text as the bytes it is sent as: one byte per char (ISO-8859-1). */
  static byte[] bytes(String packet) {
    return packet.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Packet bytes as text, one char per byte. */
  static String text(byte[] packet) {
    return new String(packet, StandardCharsets.ISO_8859_1);
  }

  /** A short printable form of a packet for messages: binary bytes as \xNN, long ones cut. */
  static String describe(byte[] packet) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < packet.length && text.length() < 60; i++) {
      int b = packet[i] & 0xFF;
      if (b >= 0x20 && b < 0x7F) {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02x", b));
      }
    }
    if (text.length() >= 60) {
      text.append("... (").append(packet.length).append(" bytes)");
    }
    return text.toString();
  }

  static String describe(String packet) {
    return describe(bytes(packet));
  }
}
