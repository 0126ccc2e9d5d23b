package org.romflash.swd.sim;

import org.romflash.device.MemoryRegion;

/**
 * A peripheral's registers on the simulated bus, handed to the model by offset. Only 32-bit
 * accesses are answered (a limit of the models: the drivers use no other), anything else is a bus
 * fault naming the address.
 */
final class RegisterBlock implements BusRegion {

  /** Answers a 32-bit read at {@code offset} from the block's start. */
  interface Reader {
    int read(int offset);
  }

  /** Takes a 32-bit write at {@code offset}; {@code address} is for fault messages. */
  interface Writer {
    void write(int offset, long address, int value);
  }

  private final MemoryRegion region;
  private final Reader reader;
  private final Writer writer;

  RegisterBlock(MemoryRegion region, Reader reader, Writer writer) {
    this.region = region;
    this.reader = reader;
    this.writer = writer;
  }

  @Override
  public MemoryRegion region() {
    return region;
  }

  @Override
  public int read(long address, int size) {
    return reader.read(offset(address, size));
  }

  @Override
  public void write(long address, int size, int value) {
    writer.write(offset(address, size), address, value);
  }

  private int offset(long address, int size) {
    if (size != 4) {
      throw new BusFault(address, size + "-byte access to a flash register: the model answers"
          + " 32-bit accesses only");
    }
    return (int) (address - region.start());
  }
}
