package org.romflash.cli;

import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.flash.FlashTarget;

/**
 * A flash target whose link carries only short frames (stm32flash's {@code -F RX:TX}, for bridges
 * with small buffers): reads are split into replies of at most {@code readChunk} bytes and writes
 * planned in blocks of at most {@code writeChunk}.
 */
final class FramedTarget implements FlashTarget {
  private final FlashTarget inner;
  private final int readChunk;
  private final int writeChunk;

  FramedTarget(FlashTarget inner, int readChunk, int writeChunk) {
    this.inner = inner;
    this.readChunk = Math.min(readChunk, 256);
    this.writeChunk = Math.min(writeChunk, inner.writeBlockSize());
  }

  @Override
  public Device device() {
    return inner.device();
  }

  @Override
  public byte[] read(long address, int length) {
    byte[] out = new byte[length];
    for (int offset = 0; offset < length; offset += readChunk) {
      int n = Math.min(readChunk, length - offset);
      System.arraycopy(inner.read(address + offset, n), 0, out, offset, n);
    }
    return out;
  }

  @Override
  public void write(long address, byte[] block) {
    if (block.length > writeChunk) {
      throw new IllegalArgumentException("block of " + block.length + " bytes is longer than the "
          + writeChunk + " the link carries");
    }
    inner.write(address, block);
  }

  @Override
  public int writeBlockSize() {
    return writeChunk;
  }

  @Override
  public void erase(List<EraseUnit> units) {
    inner.erase(units);
  }

  @Override
  public void massErase() {
    inner.massErase();
  }

  @Override
  public boolean offersChecksum() {
    return inner.offersChecksum();
  }

  @Override
  public int checksum(long address, long length) {
    return inner.checksum(address, length);
  }

  @Override
  public boolean checksumPaysFor(long bytes) {
    return inner.checksumPaysFor(bytes);
  }

  @Override
  public int[] checksums(List<org.romflash.flash.CrcRange> ranges) {
    return inner.checksums(ranges);
  }

  @Override
  public void go(long address) {
    inner.go(address);
  }
}
