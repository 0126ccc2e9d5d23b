package org.romflash.swd.gdb;

import java.io.ByteArrayOutputStream;
import org.romflash.swd.DebugMemory;

/**
 * The target's memory through a GDB server: {@code m} to read, {@code X} (binary) to write, or
 * {@code M} (hex) where the server has no X. Transfers are split into packets the server's
 * PacketSize allows.
 *
 * <p>The protocol does not say which access size the server uses; servers in practice use the
 * widest aligned access that fits. So writes of 1- or 2-byte accesses (the STM32F1 flash takes only
 * half-words) go one access per packet, never merged into a longer write the server might do as
 * words; 4-byte accesses go in blocks.
 *
 * <p>In all-stop mode a server takes no packets while the core runs after {@code c}: halt it
 * ({@link GdbCore#halt}) before using this.
 */
public final class GdbMemory implements DebugMemory {
  private final RspClient client;
  private boolean binaryWrites = true;

  public GdbMemory(RspClient client) {
    this.client = client;
  }

  /** Whether writes go as binary X packets; false once the server turned X down (then M). */
  public boolean usesBinaryWrites() {
    return binaryWrites;
  }

  @Override
  public int read32(long address) {
    return littleEndian(read(address, 4));
  }

  @Override
  public int read16(long address) {
    return littleEndian(read(address, 2));
  }

  @Override
  public int read8(long address) {
    return read(address, 1)[0] & 0xFF;
  }

  @Override
  public void write32(long address, int value) {
    write(address, littleEndian(value, 4), 4);
  }

  @Override
  public void write16(long address, int value) {
    write(address, littleEndian(value, 2), 2);
  }

  @Override
  public void write8(long address, int value) {
    write(address, littleEndian(value, 1), 1);
  }

  /** Reads with {@code m addr,length} packets; a short reply continues where it stopped. */
  @Override
  public byte[] read(long address, int length) {
    ByteArrayOutputStream data = new ByteArrayOutputStream(length);
    int chunk = Math.max(1, client.packetSize() / 2 - 4);
    while (data.size() < length) {
      int n = Math.min(chunk, length - data.size());
      String packet = "m" + Hex.number(address + data.size()) + "," + Hex.number(n);
      byte[] got = Hex.bytes(client.require(packet), "reply to " + packet);
      if (got.length == 0 || got.length > n) {
        throw new RspException(packet, Hex.of(got), "GDB server returned " + got.length
            + " bytes for '" + packet + "'");
      }
      data.writeBytes(got);
    }
    return data.toByteArray();
  }

  @Override
  public void write(long address, byte[] data, int accessBytes) {
    if (accessBytes != 1 && accessBytes != 2 && accessBytes != 4) {
      throw new IllegalArgumentException("access size " + accessBytes + " is not 1, 2 or 4");
    }
    if (address % accessBytes != 0 || data.length % accessBytes != 0) {
      throw new IllegalArgumentException(String.format(
          "0x%x+%d is not aligned to %d-byte accesses", address, data.length, accessBytes));
    }
    int step = accessBytes == 4 ? data.length : accessBytes;
    for (int offset = 0; offset < data.length; ) {
      int end = Math.min(data.length, offset + step);
      offset += writePacket(address + offset, data, offset, end - offset, accessBytes);
    }
  }

  /**
   * Writes a prefix of {@code data[offset, offset+length)} in one packet, a whole number of
   * accesses long; returns its length.
   */
  private int writePacket(long address, byte[] data, int offset, int length, int access) {
    if (binaryWrites) {
      int budget = client.packetSize() - ("X" + Hex.number(address) + ",ffffffff:").length();
      int n = wholeAccesses(BinaryEscape.fitting(data, offset, length, budget), access);
      byte[] packet = binaryWrite(address, data, offset, n);
      try {
        client.requireOk(packet, client.timeouts().reply());
        return n;
      } catch (RspUnsupportedException e) {
        binaryWrites = false;
      }
    }
    int header = ("M" + Hex.number(address) + ",ffffffff:").length();
    int n = wholeAccesses(Math.min(length, (client.packetSize() - header) / 2), access);
    String packet = "M" + Hex.number(address) + "," + Hex.number(n) + ":" + Hex.of(data, offset, n);
    client.requireOk(Packets.bytes(packet), client.timeouts().reply());
    return n;
  }

  private static int wholeAccesses(int bytes, int access) {
    return Math.max(access, bytes / access * access);
  }

  static byte[] binaryWrite(long address, byte[] data, int offset, int length) {
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.writeBytes(Packets.bytes("X" + Hex.number(address) + "," + Hex.number(length) + ":"));
    packet.writeBytes(BinaryEscape.escape(data, offset, length));
    return packet.toByteArray();
  }

  private static int littleEndian(byte[] bytes) {
    int value = 0;
    for (int i = bytes.length - 1; i >= 0; i--) {
      value = value << 8 | (bytes[i] & 0xFF);
    }
    return value;
  }

  private static byte[] littleEndian(int value, int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (value >>> (8 * i));
    }
    return bytes;
  }
}
