package org.romflash.swd.sim;

import java.util.function.LongConsumer;
import org.romflash.device.MemoryRegion;

/**
 * The option bytes of a double-word controller as the bus reads them (RM0351 3.4.1, RM0444 3.4.1
 * "option byte organization"): each option register's value as last programmed in the low word of
 * a double word and its complement in the high word; words the model has no register for read as
 * erased. Reads of any size; writes fault, as option bytes are programmed through the registers.
 */
final class DoubleWordOptionArea implements BusRegion {
  private final MemoryRegion region;
  private final DoubleWordOptionStore options;
  private final LongConsumer accessCheck;

  /** @param accessCheck throws a {@link BusFault} when the chip refuses debug access now */
  DoubleWordOptionArea(MemoryRegion region, DoubleWordOptionStore options,
      LongConsumer accessCheck) {
    this.region = region;
    this.options = options;
    this.accessCheck = accessCheck;
  }

  @Override
  public MemoryRegion region() {
    return region;
  }

  @Override
  public int read(long address, int size) {
    accessCheck.accept(address);
    int offset = (int) (address - region.start());
    int word = options.viewWord(offset - offset % 4);
    return size == 4 ? word : word >>> 8 * (offset % 4) & (1 << 8 * size) - 1;
  }

  @Override
  public void write(long address, int size, int value) {
    throw new BusFault(address, "option bytes are programmed through the FLASH option registers,"
        + " not by bus writes");
  }
}
