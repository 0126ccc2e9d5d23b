package org.romflash.swd.sim;

import java.util.List;
import java.util.stream.IntStream;
import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;

/**
 * The STM32F0/F1/F3 flash program/erase controller (FPEC), simulated register by register, for
 * testing {@code FpecDriver} and serving {@code sim:DEVICE} targets of those families. Registers
 * at 0x40022000 (a 1 KB block, 32-bit accesses only in this model); bank 1 at +0x00, and on
 * F1 XL-density entries (two banks in the device data) bank 2 at +0x40 for flash from 0x08080000.
 * ACR, OPTKEYR, OBR and WRPR read as 0 and ignore writes: option bytes are not modelled. See
 * {@link FpecBankModel} for the programming rules.
 */
public final class FpecModel implements FlashControllerModel {
  /** Where the FPEC registers (FLASH_ACR) sit on every F0/F1/F3. */
  public static final long REGISTERS = 0x4002_2000L;
  static final int BLOCK_SIZE = 0x400;
  static final int BANK2_OFFSET = 0x40;

  private final FlashArray array;
  private final List<FpecBankModel> banks;
  private final BusRegion flash;
  private final BusRegion registers;

  public FpecModel(Device device) {
    this.array = new FlashArray(device.flash(), device.erasedValue());
    this.banks = IntStream.rangeClosed(1, Math.max(1, device.flash().bankCount()))
        .mapToObj(b -> new FpecBankModel(array, b, device.erasedValue())).toList();
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
        banks.get(array.unitAt(address).bank() - 1).program(address, size, value);
      }
    };
    this.registers = new BusRegion() {
      @Override
      public MemoryRegion region() {
        return new MemoryRegion(REGISTERS, BLOCK_SIZE);
      }

      @Override
      public int read(long address, int size) {
        int offset = offset(address, size);
        FpecBankModel bank = bankAt(offset);
        return bank == null ? 0 : bank.read(offset % BANK2_OFFSET);
      }

      @Override
      public void write(long address, int size, int value) {
        int offset = offset(address, size);
        FpecBankModel bank = bankAt(offset);
        if (bank != null) {
          bank.write(address, offset % BANK2_OFFSET, value);
        }
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
    banks.forEach(FpecBankModel::reset);
  }

  /** Test hook: the next operation on any bank keeps BSY set until {@link #reset()}. */
  public void holdBusy() {
    banks.forEach(FpecBankModel::holdBusy);
  }

  private static int offset(long address, int size) {
    if (size != 4) {
      throw new BusFault(address, size * 8 + "-bit access to a flash register: this model takes"
          + " 32-bit register accesses only");
    }
    return (int) (address - REGISTERS);
  }

  /** The bank whose registers lie at {@code offset}, or null for the unmodelled rest. */
  private FpecBankModel bankAt(int offset) {
    int index = offset / BANK2_OFFSET;
    return index < banks.size() ? banks.get(index) : null;
  }
}
