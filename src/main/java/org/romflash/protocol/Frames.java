package org.romflash.protocol;

import java.util.List;

/**
 * Builds the byte frames AN3155 defines. Every multi-byte frame ends in a checksum that is the XOR
 * of the frame's bytes; single counts are followed by their complement or folded into the checksum,
 * as each command specifies. Pure functions, tested byte for byte.
 */
public final class Frames {
  private Frames() {}

  /** XOR of {@code length} bytes of {@code data} from {@code offset}. */
  public static int xor(byte[] data, int offset, int length) {
    int sum = 0;
    for (int i = offset; i < offset + length; i++) {
      sum ^= data[i];
    }
    return sum & 0xFF;
  }

  /** The frames one after the other. */
  public static byte[] concat(byte[]... frames) {
    int length = 0;
    for (byte[] frame : frames) {
      length += frame.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] frame : frames) {
      System.arraycopy(frame, 0, all, at, frame.length);
      at += frame.length;
    }
    return all;
  }

  /** Address frame: four bytes, most significant first, then their XOR (AN3155 3.4, 3.5, 3.6). */
  public static byte[] address(long address) {
    byte[] frame = new byte[5];
    putInt(frame, 0, address);
    frame[4] = (byte) xor(frame, 0, 4);
    return frame;
  }

  /** Read Memory count frame: N = length - 1, then its complement (AN3155 3.4). */
  public static byte[] readLength(int length) {
    checkRange("read length", length, 1, 256);
    int n = length - 1;
    return new byte[] {(byte) n, (byte) (n ^ 0xFF)};
  }

  /**
   * Write Memory data frame: N = length - 1, the bytes, then the XOR of N and all bytes (AN3155 3.6).
   * {@code data} must already be padded to a multiple of four bytes.
   */
  public static byte[] writeData(byte[] data) {
    checkRange("write length", data.length, 1, 256);
    byte[] frame = new byte[data.length + 2];
    frame[0] = (byte) (data.length - 1);
    System.arraycopy(data, 0, frame, 1, data.length);
    frame[frame.length - 1] = (byte) xor(frame, 0, frame.length - 1);
    return frame;
  }

  /** Erase (0x43) page list: N = count - 1, one byte per page, XOR of all (AN3155 3.7). */
  public static byte[] erasePages(List<Integer> pages) {
    checkRange("page count", pages.size(), 1, 255);
    byte[] frame = new byte[pages.size() + 2];
    frame[0] = (byte) (pages.size() - 1);
    for (int i = 0; i < pages.size(); i++) {
      int page = pages.get(i);
      checkRange("page number", page, 0, 255);
      frame[i + 1] = (byte) page;
    }
    frame[frame.length - 1] = (byte) xor(frame, 0, frame.length - 1);
    return frame;
  }

  /** Erase (0x43) global erase: 0xFF then 0x00 (AN3155 3.7). */
  public static byte[] eraseGlobal() {
    return new byte[] {(byte) 0xFF, 0x00};
  }

  /**
   * Extended Erase (0x44) special erase: the two-byte code (0xFFFF mass, 0xFFFE bank 1, 0xFFFD bank
   * 2) then the XOR of its two bytes (AN3155 3.8).
   */
  public static byte[] extendedEraseSpecial(int code) {
    byte[] frame = {(byte) (code >> 8), (byte) code, 0};
    frame[2] = (byte) xor(frame, 0, 2);
    return frame;
  }

  /**
   * Extended Erase (0x44) page list: N = count - 1 on two bytes, each page on two bytes, most
   * significant first, then the XOR of all of them (AN3155 3.8).
   */
  public static byte[] extendedErasePages(List<Integer> pages) {
    checkRange("page count", pages.size(), 1, 0xFFF0);
    byte[] frame = new byte[2 + 2 * pages.size() + 1];
    putShort(frame, 0, pages.size() - 1);
    for (int i = 0; i < pages.size(); i++) {
      int page = pages.get(i);
      checkRange("page number", page, 0, 0xFFEF);
      putShort(frame, 2 + 2 * i, page);
    }
    frame[frame.length - 1] = (byte) xor(frame, 0, frame.length - 1);
    return frame;
  }

  /** Write Protect (0x63) sector list: N = count - 1, one byte per sector, XOR of all (AN3155 3.9). */
  public static byte[] sectorList(List<Integer> sectors) {
    return erasePages(sectors);
  }

  /** A two-byte big-endian value followed by its... nothing: helper for special-command frames. */
  static void putShort(byte[] frame, int offset, int value) {
    frame[offset] = (byte) (value >> 8);
    frame[offset + 1] = (byte) value;
  }

  static void putInt(byte[] frame, int offset, long value) {
    frame[offset] = (byte) (value >> 24);
    frame[offset + 1] = (byte) (value >> 16);
    frame[offset + 2] = (byte) (value >> 8);
    frame[offset + 3] = (byte) value;
  }

  /** Big-endian unsigned 32-bit value at {@code offset}. */
  public static long getInt(byte[] data, int offset) {
    return ((data[offset] & 0xFFL) << 24)
        | ((data[offset + 1] & 0xFFL) << 16)
        | ((data[offset + 2] & 0xFFL) << 8)
        | (data[offset + 3] & 0xFFL);
  }

  private static void checkRange(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " " + value + " is outside " + min + ".." + max);
    }
  }
}
