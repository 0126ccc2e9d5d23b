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
 * ACR reads as 0 and ignores writes. The option bytes answer at the device's option area ({@link
 * #optionArea()}) and through bank 1's OPTKEYR, OBR and WRPR; their loaded read protection makes
 * debugger reads of the flash bus faults, their WRP bits write-protect pages. A system reset
 * loads them on F1 and F3 (PM0075 2.5 and RM0316 5: "loaded after a system reset"), not on F0,
 * which needs OBL_LAUNCH or a power-on reset (RM0091 4). OBL_LAUNCH resets only this controller
 * here, not the core. See {@link FpecBankModel} and {@link FpecOptionBytes} for the rules.
 */
public final class FpecModel implements FlashControllerModel {
  /** Where the FPEC registers (FLASH_ACR) sit on every F0/F1/F3. */
  public static final long REGISTERS = 0x4002_2000L;
  static final int BLOCK_SIZE = 0x400;
  static final int BANK2_OFFSET = 0x40;

  private final FlashArray array;
  private final FpecOptionBytes options;
  private final boolean loadsOnReset;
  private final List<FpecBankModel> banks;
  private final BusRegion flash;
  private final BusRegion registers;
  private final BusRegion optionArea;

  public FpecModel(Device device) {
    this.array = new FlashArray(device.flash(), device.erasedValue());
    this.options = new FpecOptionBytes(device, array);
    this.loadsOnReset = !device.family().equals("STM32F0");
    Runnable launch = device.family().equals("STM32F1") ? null : this::launchOptions;
    this.banks = IntStream.rangeClosed(1, Math.max(1, device.flash().bankCount()))
        .mapToObj(b -> b == 1
            ? new FpecBankModel(array, b, device.erasedValue(), options, launch)
            : new FpecBankModel(array, b, device.erasedValue(), null, null))
        .toList();
    this.optionArea = optionArea(options, banks.get(0));
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
              + " loaded (PM0075 2.4.1, RM0091 3.3.1: no debug access to the flash at level 1)");
        }
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

  /** The option bytes at the device's option area: read as stored, programmed through bank 1. */
  @Override
  public BusRegion optionArea() {
    return optionArea;
  }

  @Override
  public FlashArray array() {
    return array;
  }

  /** A system reset: controllers lock, and F1/F3 load their option bytes. */
  @Override
  public void reset() {
    banks.forEach(FpecBankModel::reset);
    options.resetKeys();
    if (loadsOnReset) {
      options.load();
    }
  }

  /** OBL_LAUNCH: the option bytes load, and the reset that goes with it locks the controller. */
  private void launchOptions() {
    options.load();
    banks.forEach(FpecBankModel::reset);
    options.resetKeys();
  }

  private static BusRegion optionArea(FpecOptionBytes options, FpecBankModel bank1) {
    return new BusRegion() {
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
        bank1.programOption(address, size, value);
      }
    };
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
