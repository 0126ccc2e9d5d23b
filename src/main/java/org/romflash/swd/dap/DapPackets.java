package org.romflash.swd.dap;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The bytes of each CMSIS-DAP command this driver sends, built apart from any transport so tests
 * can pin them byte for byte. Multi-byte fields are little-endian, as the specification says.
 */
public final class DapPackets {
  private DapPackets() {}

  public static byte[] info(int id) {
    return bytes(DapCommand.INFO.id(), id);
  }

  /** DAP_Connect with port 1 (SWD). */
  public static byte[] connectSwd() {
    return bytes(DapCommand.CONNECT.id(), 1);
  }

  public static byte[] disconnect() {
    return bytes(DapCommand.DISCONNECT.id());
  }

  public static byte[] swjClock(int hertz) {
    ByteArrayOutputStream out = start(DapCommand.SWJ_CLOCK);
    word(out, hertz);
    return out.toByteArray();
  }

  /** DAP_SWJ_Sequence: {@code bits} (1 to 256) clocked out of {@code data}, LSB first. */
  public static byte[] swjSequence(int bits, byte[] data) {
    if (bits < 1 || bits > 256 || data.length != (bits + 7) / 8) {
      throw new IllegalArgumentException(bits + " bits need " + (bits + 7) / 8 + " bytes");
    }
    ByteArrayOutputStream out = start(DapCommand.SWJ_SEQUENCE);
    out.write(bits == 256 ? 0 : bits);
    out.writeBytes(data);
    return out.toByteArray();
  }

  /** DAP_SWJ_Pins: set the pins in {@code select} to {@code output}, wait up to {@code waitUs}. */
  public static byte[] swjPins(int output, int select, int waitUs) {
    ByteArrayOutputStream out = start(DapCommand.SWJ_PINS);
    out.write(output);
    out.write(select);
    word(out, waitUs);
    return out.toByteArray();
  }

  public static byte[] transferConfigure(int idleCycles, int waitRetry, int matchRetry) {
    ByteArrayOutputStream out = start(DapCommand.TRANSFER_CONFIGURE);
    out.write(idleCycles);
    half(out, waitRetry);
    half(out, matchRetry);
    return out.toByteArray();
  }

  /** DAP_SWD_Configure: turnaround 1 clock, no data phase on WAIT/FAULT (value 0). */
  public static byte[] swdConfigure(int configuration) {
    return bytes(DapCommand.SWD_CONFIGURE.id(), configuration);
  }

  /** DAP_Transfer of {@code transfers} on DAP index 0. */
  public static byte[] transfer(List<Transfer> transfers) {
    ByteArrayOutputStream out = start(DapCommand.TRANSFER);
    out.write(0);
    out.write(transfers.size());
    for (Transfer t : transfers) {
      out.write(t.request());
      if (!t.read()) {
        word(out, t.value());
      }
    }
    return out.toByteArray();
  }

  /** DAP_TransferBlock reading {@code count} words from one register. */
  public static byte[] transferBlockRead(boolean ap, int register, int count) {
    ByteArrayOutputStream out = start(DapCommand.TRANSFER_BLOCK);
    out.write(0);
    half(out, count);
    out.write(new Transfer(ap, true, register, 0).request());
    return out.toByteArray();
  }

  /** DAP_TransferBlock writing {@code values} to one register. */
  public static byte[] transferBlockWrite(boolean ap, int register, int[] values) {
    ByteArrayOutputStream out = start(DapCommand.TRANSFER_BLOCK);
    out.write(0);
    half(out, values.length);
    out.write(new Transfer(ap, false, register, 0).request());
    for (int v : values) {
      word(out, v);
    }
    return out.toByteArray();
  }

  public static byte[] writeAbort(int value) {
    ByteArrayOutputStream out = start(DapCommand.WRITE_ABORT);
    out.write(0);
    word(out, value);
    return out.toByteArray();
  }

  public static byte[] resetTarget() {
    return bytes(DapCommand.RESET_TARGET.id());
  }

  private static ByteArrayOutputStream start(DapCommand command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(command.id());
    return out;
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static void word(ByteArrayOutputStream out, int value) {
    half(out, value);
    half(out, value >>> 16);
  }

  static void half(ByteArrayOutputStream out, int value) {
    out.write(value & 0xFF);
    out.write((value >>> 8) & 0xFF);
  }

  /** The little-endian 32-bit word at {@code offset}. */
  public static int wordAt(byte[] packet, int offset) {
    return (packet[offset] & 0xFF) | (packet[offset + 1] & 0xFF) << 8
        | (packet[offset + 2] & 0xFF) << 16 | (packet[offset + 3] & 0xFF) << 24;
  }

  /** The little-endian 16-bit value at {@code offset}. */
  public static int halfAt(byte[] packet, int offset) {
    return (packet[offset] & 0xFF) | (packet[offset + 1] & 0xFF) << 8;
  }
}
