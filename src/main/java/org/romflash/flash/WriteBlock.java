package org.romflash.flash;

import java.util.Arrays;

/** One Write Memory's worth of data, aligned and padded as the flash needs it. */
public record WriteBlock(long address, byte[] data) {

  public WriteBlock {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public int length() {
    return data.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WriteBlock that && address == that.address
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(address) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("WriteBlock[0x%08X, %d bytes]", address, data.length);
  }
}
