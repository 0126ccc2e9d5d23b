package org.romflash.swd.sim;

import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;

/**
 * The STM32F2/F4/F7 flash controller, simulated register by register, for testing {@code
 * SectorFlashDriver} and serving {@code sim:DEVICE} targets of those families. Registers at
 * 0x40023C00 (a 1 KB block, 32-bit accesses only in this model): KEYR 0x04, SR 0x0C, CR 0x10,
 * OPTKEYR 0x08, OPTCR 0x14, OPTCR1 0x18; ACR reads as 0 and ignores writes. The option bytes also
 * read at the device's option area ({@link #optionArea()}); their read protection makes debugger
 * reads of the flash bus faults (RM0090 "Read protection (RDP)": at level 1 "a bus error is
 * generated in case of read request" from the debugger). See {@link SectorController} and {@link
 * SectorOptionBytes} for the rules.
 */
public final class SectorFlashModel implements FlashControllerModel {
  /** Where the controller's registers (FLASH_ACR) sit on every F2/F4/F7. */
  public static final long REGISTERS = 0x4002_3C00L;
  static final int BLOCK_SIZE = 0x400;

  private final FlashArray array;
  private final SectorOptionBytes options;
  private final SectorController controller;
  private final BusRegion flash;
  private final BusRegion registers;
  private final BusRegion optionArea;

  public SectorFlashModel(Device device) {
    this.array = new FlashArray(device.flash(), device.erasedValue());
    this.options = new SectorOptionBytes(device, array);
    this.controller = new SectorController(array, options);
    this.optionArea = new BusRegion() {
      @Override
      public MemoryRegion region() {
        return options.region();
      }

      @Override
      public int read(long address, int size) {
        return options.read(address, size);
      }

      @Override
      public void write(long address, int size, int value) {
        throw new BusFault(address, "the option bytes are programmed through FLASH_OPTCR");
      }
    };
    MemoryRegion flashRegion = device.flashRegion();
    this.flash = new BusRegion() {
      @Override
      public MemoryRegion region() {
        return flashRegion;
      }

      @Override
      public int read(long address, int size) {
        if (options.readProtected()) {
          throw new BusFault(address, "flash read by the debugger while read protection is"
              + " active (RM0090: no debug access to the flash at level 1)");
        }
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

  /** The option bytes at the device's option area, read-only: OPTCR programs them. */
  @Override
  public BusRegion optionArea() {
    return optionArea;
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
