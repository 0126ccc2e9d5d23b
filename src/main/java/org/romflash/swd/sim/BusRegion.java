package org.romflash.swd.sim;

import org.romflash.device.MemoryRegion;

/** Something on the simulated bus: memory or a peripheral's registers, answering accesses. */
public interface BusRegion {

  /** The addresses it answers. */
  MemoryRegion region();

  /**
   * Reads {@code size} bytes (1, 2 or 4, naturally aligned) at {@code address}, little-endian.
   *
   * @throws BusFault when the access is not allowed (the bus would answer with an error)
   */
  int read(long address, int size);

  /** Writes the low {@code size} bytes of {@code value} at {@code address}. */
  void write(long address, int size, int value);
}
