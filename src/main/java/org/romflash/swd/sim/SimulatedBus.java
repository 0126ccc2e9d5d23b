package org.romflash.swd.sim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;

/**
 * The simulated target's bus: regions attached at their addresses. It is also a {@link
 * DebugMemory} itself, so drivers can be tested on it directly, without a probe in between; a
 * {@link BusFault} then surfaces as a {@link DebugAccessException}.
 */
public final class SimulatedBus implements DebugMemory {
  private final List<BusRegion> regions = new CopyOnWriteArrayList<>();

  public SimulatedBus attach(BusRegion region) {
    for (BusRegion r : regions) {
      if (r.region().overlaps(region.region().start(), region.region().size())) {
        throw new IllegalArgumentException(region.region() + " overlaps " + r.region());
      }
    }
    regions.add(region);
    return this;
  }

  /** @throws BusFault when nothing answers there or the region refuses the access */
  public int access(long address, int size) {
    check(address, size);
    return regionAt(address, size).read(address, size);
  }

  /** @throws BusFault when nothing answers there or the region refuses the access */
  public void access(long address, int size, int value) {
    check(address, size);
    regionAt(address, size).write(address, size, value);
  }

  private static void check(long address, int size) {
    if ((size != 1 && size != 2 && size != 4) || address % size != 0) {
      throw new BusFault(address, "unaligned " + size + "-byte access");
    }
  }

  private BusRegion regionAt(long address, int size) {
    for (BusRegion r : regions) {
      if (r.region().contains(address, size)) {
        return r;
      }
    }
    throw new BusFault(address, "nothing is mapped there");
  }

  @Override
  public int read32(long address) {
    return guarded(() -> access(address, 4));
  }

  @Override
  public void write32(long address, int value) {
    guarded(() -> {
      access(address, 4, value);
      return 0;
    });
  }

  @Override
  public int read16(long address) {
    return guarded(() -> access(address, 2));
  }

  @Override
  public void write16(long address, int value) {
    guarded(() -> {
      access(address, 2, value);
      return 0;
    });
  }

  @Override
  public int read8(long address) {
    return guarded(() -> access(address, 1));
  }

  @Override
  public void write8(long address, int value) {
    guarded(() -> {
      access(address, 1, value);
      return 0;
    });
  }

  @Override
  public byte[] read(long address, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) read8(address + i);
    }
    return out;
  }

  @Override
  public void write(long address, byte[] data, int accessBytes) {
    for (int i = 0; i < data.length; i += accessBytes) {
      int value = 0;
      for (int b = accessBytes - 1; b >= 0; b--) {
        value = (value << 8) | (data[i + b] & 0xFF);
      }
      int v = value;
      long at = address + i;
      guarded(() -> {
        access(at, accessBytes, v);
        return 0;
      });
    }
  }

  private static int guarded(java.util.function.IntSupplier access) {
    try {
      return access.getAsInt();
    } catch (BusFault e) {
      throw new DebugAccessException(e.getMessage(), e);
    }
  }
}
