package org.romflash.swd.sim;

import java.util.function.BooleanSupplier;
import org.romflash.device.MemoryRegion;

/**
 * RAM on the simulated bus. A RAM whose clock is off (the H7's D2 SRAMs after reset, until RCC
 * enables them) answers every access with a bus fault, as the hardware does.
 */
public final class RamRegion implements BusRegion {
  private final MemoryRegion region;
  private final byte[] bytes;
  private final BooleanSupplier clocked;

  public RamRegion(MemoryRegion region, BooleanSupplier clocked) {
    this.region = region;
    this.bytes = new byte[Math.toIntExact(region.size())];
    this.clocked = clocked;
  }

  public RamRegion(MemoryRegion region) {
    this(region, () -> true);
  }

  @Override
  public MemoryRegion region() {
    return region;
  }

  @Override
  public int read(long address, int size) {
    if (!clocked.getAsBoolean()) {
      throw new BusFault(address, "the RAM's clock is off");
    }
    return Bytes.get(bytes, (int) (address - region.start()), size);
  }

  @Override
  public void write(long address, int size, int value) {
    if (!clocked.getAsBoolean()) {
      throw new BusFault(address, "the RAM's clock is off");
    }
    Bytes.put(bytes, (int) (address - region.start()), size, value);
  }
}
