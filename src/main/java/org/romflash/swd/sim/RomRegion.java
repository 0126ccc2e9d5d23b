package org.romflash.swd.sim;

import org.romflash.device.MemoryRegion;

/** Read-only memory on the simulated bus (system memory, device-information registers). */
public final class RomRegion implements BusRegion {
  private final MemoryRegion region;
  private final byte[] bytes;

  public RomRegion(MemoryRegion region) {
    this.region = region;
    this.bytes = new byte[Math.toIntExact(region.size())];
  }

  /** Sets bytes inside the region (what the factory programmed: UID, flash size). */
  public void put(long address, byte[] data) {
    System.arraycopy(data, 0, bytes, Math.toIntExact(address - region.start()), data.length);
  }

  @Override
  public MemoryRegion region() {
    return region;
  }

  @Override
  public int read(long address, int size) {
    return Bytes.get(bytes, Math.toIntExact(address - region.start()), size);
  }

  @Override
  public void write(long address, int size, int value) {
    throw new BusFault(address, "read-only memory");
  }
}
