package org.romflash.protocol;

import java.time.Duration;

/**
 * Get Checksum (AN3155 3.13), Special (3.14) and Extended Special (3.15): the commands whose frames
 * are more than an address and a count.
 */
final class ChecksumCommands {
  /** Most bytes in a Special data packet, and in Extended Special's first packet. */
  static final int SPECIAL_DATA_MAX = 128;
  /** Most bytes in Extended Special's second packet. */
  static final int EXTENDED_SPECIAL_DATA_MAX = 1024;

  private final Exchange exchange;
  private final Timeouts timeouts;

  ChecksumCommands(Exchange exchange, Timeouts timeouts) {
    this.exchange = exchange;
    this.timeouts = timeouts;
  }

  /**
   * Host: address + XOR, size in 32-bit words + XOR, polynomial + XOR, initial value + XOR, each
   * ACKed; target: ACK when done, then the CRC most significant byte first and the XOR of its bytes.
   */
  int checksum(BootloaderInfo info, long address, long length, int polynomial, int initial) {
    if ((address & 3) != 0 || length <= 0 || length % 4 != 0) {
      throw new IllegalArgumentException(String.format(
          "Get Checksum needs a 4-byte aligned address and a whole number of words, not 0x%08X+%d",
          address, length));
    }
    Command c = Command.GET_CHECKSUM;
    exchange.commandIfOffered(info, c);
    exchange.send(c, Stage.ADDRESS, address, Frames.address(address), timeouts.reply());
    exchange.send(c, Stage.LENGTH, address, Frames.address(length / 4), timeouts.reply());
    exchange.send(c, Stage.DATA, address, Frames.address(polynomial & 0xFFFFFFFFL),
        timeouts.reply());
    exchange.send(c, Stage.DATA, address, Frames.address(initial & 0xFFFFFFFFL), timeouts.reply());
    // Reading flash to compute the CRC runs at tens of MB/s; one second per MiB is generous.
    Duration compute = timeouts.reply().plusMillis(length / 1024);
    exchange.awaitAck(c, Stage.COMPLETION, address, compute);
    byte[] reply = exchange.readData(c, address, 5);
    if (Frames.xor(reply, 0, 5) != 0) {
      throw new CorruptReplyException(c, Stage.REPLY, address, "CRC checksum byte does not match");
    }
    return (int) Frames.getInt(reply, 0);
  }

  SpecialReply special(BootloaderInfo info, int opcode, byte[] data) {
    Command c = Command.SPECIAL;
    byte[] packet = packet(data, SPECIAL_DATA_MAX);
    exchange.commandIfOffered(info, c);
    exchange.send(c, Stage.OPCODE, null, opcodeFrame(opcode), timeouts.reply());
    exchange.send(c, Stage.DATA, null, packet, timeouts.replyOf(packet.length));
    byte[] reply = readPacket(c);
    byte[] status = readPacket(c);
    exchange.awaitAck(c, Stage.COMPLETION, null, timeouts.reply());
    return new SpecialReply(reply, status);
  }

  SpecialReply extendedSpecial(BootloaderInfo info, int opcode, byte[] first, byte[] second) {
    Command c = Command.EXTENDED_SPECIAL;
    byte[] packet1 = packet(first, SPECIAL_DATA_MAX);
    byte[] packet2 = packet(second, EXTENDED_SPECIAL_DATA_MAX);
    exchange.commandIfOffered(info, c);
    exchange.send(c, Stage.OPCODE, null, opcodeFrame(opcode), timeouts.reply());
    exchange.send(c, Stage.DATA, null, packet1, timeouts.replyOf(packet1.length));
    exchange.send(c, Stage.DATA, null, packet2, timeouts.replyOf(packet2.length));
    byte[] reply = readPacket(c);
    exchange.awaitAck(c, Stage.COMPLETION, null, timeouts.reply());
    return new SpecialReply(reply, new byte[0]);
  }

  private static byte[] opcodeFrame(int opcode) {
    if (opcode < 0 || opcode > 0xFFFF) {
      throw new IllegalArgumentException("a special-command opcode is two bytes, not " + opcode);
    }
    byte[] frame = {(byte) (opcode >> 8), (byte) opcode, 0};
    frame[2] = (byte) Frames.xor(frame, 0, 2);
    return frame;
  }

  /** Size on two bytes, the data, then the XOR of size and data. */
  private static byte[] packet(byte[] data, int max) {
    if (data.length > max) {
      throw new IllegalArgumentException("special-command packet of " + data.length
          + " bytes is longer than " + max);
    }
    byte[] packet = new byte[data.length + 3];
    Frames.putShort(packet, 0, data.length);
    System.arraycopy(data, 0, packet, 2, data.length);
    packet[packet.length - 1] = (byte) Frames.xor(packet, 0, packet.length - 1);
    return packet;
  }

  private byte[] readPacket(Command c) {
    byte[] size = exchange.readReply(c, 2);
    int length = ((size[0] & 0xFF) << 8) | (size[1] & 0xFF);
    return length == 0 ? new byte[0] : exchange.readReply(c, length);
  }
}
