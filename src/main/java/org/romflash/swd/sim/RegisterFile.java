package org.romflash.swd.sim;

import org.romflash.device.MemoryRegion;

/**
 * A block of plain read/write registers (DBGMCU's freeze and low-power bits, RCC enables): what
 * is written reads back, except the read-only words the owner sets.
 */
public class RegisterFile implements BusRegion {
  private final MemoryRegion region;
  private final byte[] bytes;
  private final java.util.Set<Long> readOnly = new java.util.HashSet<>();

  public RegisterFile(MemoryRegion region) {
    this.region = region;
    this.bytes = new byte[Math.toIntExact(region.size())];
  }

  /** Sets a word that debug writes cannot change (an ID register). */
  public void fixed(long address, int value) {
    Bytes.put(bytes, offset(address), 4, value);
    readOnly.add(address & ~3L);
  }

  public int word(long address) {
    return Bytes.get(bytes, offset(address), 4);
  }

  public void setWord(long address, int value) {
    Bytes.put(bytes, offset(address), 4, value);
  }

  @Override
  public MemoryRegion region() {
    return region;
  }

  @Override
  public int read(long address, int size) {
    return Bytes.get(bytes, offset(address), size);
  }

  @Override
  public void write(long address, int size, int value) {
    if (!readOnly.contains(address & ~3L)) {
      Bytes.put(bytes, offset(address), size, value);
    }
  }

  private int offset(long address) {
    return Math.toIntExact(address - region.start());
  }
}
