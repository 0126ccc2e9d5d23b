package org.romflash.swd.sim;

import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;

/**
 * The STM32F2/F4/F7 flash controller, simulated register by register, for testing {@code
 * SectorFlashDriver} and serving {@code sim:DEVICE} targets of those families. Registers at
 * 0x40023C00 (a 1 KB block, 32-bit accesses only in this model): KEYR 0x04, SR 0x0C, CR 0x10;
 * ACR, OPTKEYR and OPTCR read as 0 and ignore writes (option bytes are not modelled). See {@link
 * SectorController} for the rules.
 */
public final class SectorFlashModel implements FlashControllerModel {
  /** Where the controller's registers (FLASH_ACR) sit on every F2/F4/F7. */
  public static final long REGISTERS = 0x4002_3C00L;
  static final int BLOCK_SIZE = 0x400;

  private final FlashArray array;
  private final SectorController controller;
  private final BusRegion flash;
  private final BusRegion registers;

  public SectorFlashModel(Device device) {
    this.array = new FlashArray(device.flash(), device.erasedValue());
    this.controller = new SectorController(array);
    MemoryRegion flashRegion = device.flashRegion();
    this.flash = new BusRegion() {
      @Override
      public MemoryRegion region() {
        return flashRegion;
      }

      @Override
      public int read(long address, int size) {
        return array.get(address, size);
      }

      @Override
      public void write(long address, int size, int value) {
        controller.program(address, size, value);
      }
    };
    this.registers = new BusRegion() {
      @Override
      public MemoryRegion region() {
        return new MemoryRegion(REGISTERS, BLOCK_SIZE);
      }

      @Override
      public int read(long address, int size) {
        return controller.read(offset(address, size));
      }

      @Override
      public void write(long address, int size, int value) {
        controller.write(address, offset(address, size), value);
      }
    };
  }

  @Override
  public BusRegion flash() {
    return flash;
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
  public void reset() {
    controller.reset();
  }

  /** Test hook: the next operation keeps BSY set until {@link #reset()}. */
  public void holdBusy() {
    controller.holdBusy();
  }

  private static int offset(long address, int size) {
    if (size != 4) {
      throw new BusFault(address, size * 8 + "-bit access to a flash register: this model takes"
          + " 32-bit register accesses only");
    }
    return (int) (address - REGISTERS);
  }
}
