package org.romflash.image;

import java.util.Arrays;
import java.util.HexFormat;

/** A run of bytes at an address. Holds its own copy of the data. */
public record Segment(long address, byte[] data) {

  public Segment {
    if (address < 0 || address + data.length > 0x1_0000_0000L) {
      throw new IllegalArgumentException(String.format(
          "segment 0x%X+%d is outside the 32-bit address space", address, data.length));
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public int length() {
    return data.length;
  }

  /** The first address past the segment. */
  public long end() {
    return address + data.length;
  }

  /** The byte at {@code at}, which must lie inside the segment. */
  public int byteAt(long at) {
    return data[(int) (at - address)] & 0xFF;
  }

  /** Copies the part of this segment inside {@code [from, from + length)} into {@code into}. */
  void copyInto(long from, byte[] into) {
    long start = Math.max(from, address);
    long stop = Math.min(from + into.length, end());
    if (start < stop) {
      System.arraycopy(data, (int) (start - address), into, (int) (start - from), (int) (stop - start));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Segment that && address == that.address && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(address) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    String head = HexFormat.of().formatHex(data, 0, Math.min(8, data.length));
    return String.format("Segment[0x%08X, %d bytes, %s%s]", address, data.length, head,
        data.length > 8 ? "..." : "");
  }
}
