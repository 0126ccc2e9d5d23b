package org.romflash.swd.stm32;

import org.romflash.swd.DebugMemory;

/** A debug memory that passes every access on and counts the writes, to show none were made. */
final class WriteCountingMemory implements DebugMemory {
  private final DebugMemory memory;
  private int writes;

  WriteCountingMemory(DebugMemory memory) {
    this.memory = memory;
  }

  int writes() {
    return writes;
  }

  @Override
  public int read32(long address) {
    return memory.read32(address);
  }

  @Override
  public void write32(long address, int value) {
    writes++;
    memory.write32(address, value);
  }

  @Override
  public int read16(long address) {
    return memory.read16(address);
  }

  @Override
  public void write16(long address, int value) {
    writes++;
    memory.write16(address, value);
  }

  @Override
  public int read8(long address) {
    return memory.read8(address);
  }

  @Override
  public void write8(long address, int value) {
    writes++;
    memory.write8(address, value);
  }

  @Override
  public byte[] read(long address, int length) {
    return memory.read(address, length);
  }

  @Override
  public void write(long address, byte[] data, int accessBytes) {
    writes++;
    memory.write(address, data, accessBytes);
  }
}
