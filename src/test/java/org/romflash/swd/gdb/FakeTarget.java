package org.romflash.swd.gdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;
import org.romflash.flash.Crc32Stm32;
import org.romflash.flash.FlashTarget;
import org.romflash.swd.CoreControl;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;

/**
 * An in-memory chip for the GDB server to serve: byte-array RAM for the device's RAM blocks, and
 * flash that programs only erased bytes and erases per unit, as real flash does. Memory writes to
 * flash fault (only the flash path may program it); the core only remembers halted or running
 * and counts resets. Public so the peer tests (GDB, QEMU) can serve it too.
 */
public final class FakeTarget {
  private final Device device;
  private final List<MemoryRegion> ramRegions;
  private final List<byte[]> ram = new ArrayList<>();
  private final byte[] flash;
  private volatile boolean halted = true;
  private volatile int resets;
  private volatile int erasedUnits;

  public FakeTarget(Device device) {
    this.device = device;
    this.ramRegions = device.ramRegions();
    for (MemoryRegion region : ramRegions) {
      ram.add(new byte[Math.toIntExact(region.size())]);
    }
    this.flash = new byte[Math.toIntExact(device.flash().size())];
    Arrays.fill(flash, (byte) device.erasedValue());
  }

  /** The flash bytes at {@code address}, whatever the path that wrote them. */
  public byte[] flashBytes(long address, int length) {
    int at = (int) (address - device.flash().base());
    return Arrays.copyOfRange(flash, at, at + length);
  }

  public int resets() {
    return resets;
  }

  /** How many erase units have been erased so far. */
  public int erasedUnits() {
    return erasedUnits;
  }

  public DebugMemory memory() {
    return new Memory();
  }

  public CoreControl core() {
    return new Core();
  }

  public FlashTarget flash() {
    return new Flash();
  }

  private byte[] read(long address, int length) {
    if (device.flash().contains(address, length)) {
      return flashBytes(address, length);
    }
    for (int i = 0; i < ramRegions.size(); i++) {
      if (ramRegions.get(i).contains(address, length)) {
        int at = (int) (address - ramRegions.get(i).start());
        return Arrays.copyOfRange(ram.get(i), at, at + length);
      }
    }
    throw new DebugAccessException(String.format("bus fault reading 0x%08x", address));
  }

  private void writeRam(long address, byte[] data) {
    for (int i = 0; i < ramRegions.size(); i++) {
      if (ramRegions.get(i).contains(address, data.length)) {
        System.arraycopy(data, 0, ram.get(i), (int) (address - ramRegions.get(i).start()),
            data.length);
        return;
      }
    }
    throw new DebugAccessException(String.format("bus fault writing 0x%08x", address));
  }

  private final class Memory implements DebugMemory {
    @Override
    public int read32(long address) {
      byte[] b = read(address, 4);
      return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    @Override
    public void write32(long address, int value) {
      writeRam(address, new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16),
          (byte) (value >> 24)});
    }

    @Override
    public int read16(long address) {
      byte[] b = read(address, 2);
      return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
    }

    @Override
    public void write16(long address, int value) {
      writeRam(address, new byte[] {(byte) value, (byte) (value >> 8)});
    }

    @Override
    public int read8(long address) {
      return read(address, 1)[0] & 0xFF;
    }

    @Override
    public void write8(long address, int value) {
      writeRam(address, new byte[] {(byte) value});
    }

    @Override
    public byte[] read(long address, int length) {
      return FakeTarget.this.read(address, length);
    }

    @Override
    public void write(long address, byte[] data, int accessBytes) {
      writeRam(address, data);
    }
  }

  private final class Core implements CoreControl {
    @Override
    public void halt() {
      halted = true;
    }

    @Override
    public void resetAndHalt() {
      resets++;
      halted = true;
    }

    @Override
    public void resume() {
      halted = false;
    }

    @Override
    public void resetAndRun() {
      resets++;
      halted = false;
    }

    @Override
    public boolean halted() {
      return halted;
    }
  }

  private final class Flash implements FlashTarget {
    @Override
    public Device device() {
      return device;
    }

    @Override
    public byte[] read(long address, int length) {
      return FakeTarget.this.read(address, length);
    }

    @Override
    public void write(long address, byte[] block) {
      if (block.length > writeBlockSize() || address % device.programWord() != 0
          || !device.flash().contains(address, block.length)) {
        throw new IllegalArgumentException(String.format("bad flash write 0x%08x+%d", address,
            block.length));
      }
      int at = (int) (address - device.flash().base());
      for (int i = 0; i < block.length; i++) {
        if ((flash[at + i] & 0xFF) != device.erasedValue()) {
          throw new IllegalStateException(String.format("programming 0x%08x, which is not erased",
              address + i));
        }
      }
      System.arraycopy(block, 0, flash, at, block.length);
    }

    @Override
    public int writeBlockSize() {
      return 256;
    }

    @Override
    public void erase(List<EraseUnit> units) {
      for (EraseUnit unit : units) {
        int at = (int) (unit.address() - device.flash().base());
        Arrays.fill(flash, at, at + (int) unit.size(), (byte) device.erasedValue());
        erasedUnits++;
      }
    }

    @Override
    public void massErase() {
      erase(device.flash().units());
    }

    @Override
    public boolean offersChecksum() {
      return false;
    }

    @Override
    public int checksum(long address, long length) {
      return Crc32Stm32.of(read(address, (int) length));
    }

    @Override
    public void go(long address) {
      halted = false;
    }
  }
}
