package org.romflash.swd.sim;

import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;

/**
 * A flash without a controller, for tests of the probe path: the cells take any write, and the
 * register block is plain registers. Lets the debug layers be tested apart from the drivers.
 */
final class PlainFlashModel implements FlashControllerModel {
  private final FlashArray array;
  private final RegisterFile registers = new RegisterFile(new MemoryRegion(0x4002_2000L, 0x400));

  PlainFlashModel(Device device) {
    this.array = new FlashArray(device.flash(), device.erasedValue());
  }

  @Override
  public BusRegion flash() {
    return new BusRegion() {
      @Override
      public MemoryRegion region() {
        return new MemoryRegion(array.base(), array.layout().size());
      }

      @Override
      public int read(long address, int size) {
        return array.get(address, size);
      }

      @Override
      public void write(long address, int size, int value) {
        array.set(address, size, value);
      }
    };
  }

  @Override
  public BusRegion registers() {
    return registers;
  }

  @Override
  public FlashArray array() {
    return array;
  }

  @Override
  public void reset() {}
}
