package org.romflash.device;

/** A contiguous address range {@code [start, start + size)}. */
public record MemoryRegion(long start, long size) {

  public MemoryRegion {
    if (start < 0 || size < 0 || start + size > 0x1_0000_0000L) {
      throw new IllegalArgumentException(
          String.format("region 0x%X+0x%X is outside the 32-bit address space", start, size));
    }
  }

  /** The first address past the region. */
  public long end() {
    return start + size;
  }

  public boolean contains(long address) {
    return address >= start && address < end();
  }

  /** Whether {@code [address, address + length)} lies wholly inside. */
  public boolean contains(long address, long length) {
    return address >= start && address + length <= end();
  }

  public boolean overlaps(long address, long length) {
    return address < end() && address + length > start;
  }

  @Override
  public String toString() {
    return String.format("0x%08X-0x%08X", start, end() - 1);
  }
}
