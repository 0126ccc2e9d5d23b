package org.romflash.swd;

import java.util.Arrays;
import org.romflash.device.EraseUnit;
import org.romflash.swd.stm32.FlashDriver;

/** A driver for {@code PlainFlashModel}'s controller-less flash: writes are memory writes. */
final class PlainDriver implements FlashDriver {
  private final DebugMemory memory;
  private final int erased;
  private final org.romflash.device.Device device;

  PlainDriver(org.romflash.device.Device device, DebugMemory memory) {
    this.device = device;
    this.memory = memory;
    this.erased = device.erasedValue();
  }

  @Override
  public int programUnit() {
    return 4;
  }

  @Override
  public void erase(EraseUnit unit) {
    byte[] blank = new byte[Math.toIntExact(unit.size())];
    Arrays.fill(blank, (byte) erased);
    memory.write(unit.address(), blank, 4);
  }

  @Override
  public void massErase() {
    device.flash().units().forEach(this::erase);
  }

  @Override
  public void program(long address, byte[] data) {
    memory.write(address, data, 4);
  }
}
