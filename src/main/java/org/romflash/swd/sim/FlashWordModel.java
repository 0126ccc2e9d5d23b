package org.romflash.swd.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;

/**
 * The STM32H7 flash controller, register by register, so the H7 driver can be tested without a
 * chip: the register block at 0x52002000 with one register set per bank (bank 2's at +0x100, on
 * parts that have it), each locked at reset, unlocked by the two keys and kept locked until reset
 * by a wrong or repeated key sequence (no bus error: RM0433 only says LOCK stays set), and the
 * flash behind it taking whole flash words through each bank's write buffer ({@link
 * FlashWordBank}). Flash words programmed twice corrupt their ECC: reading them then sets DBECCERR
 * in their bank and answers with a bus error. The option registers ({@link
 * FlashWordOptionRegisters}) share the block; read protection in force makes the flash fault on
 * debug access at level 1 (RM0433 4.5: no flash access while a debugger is connected) and the whole
 * block and flash at level 2 (debug disabled). CRC is not modelled.
 */
public final class FlashWordModel implements FlashControllerModel {
  private static final long REGISTERS = 0x52002000L;

  private final FlashArray array;
  private final List<FlashWordBank> banks = new ArrayList<>();
  private final Set<Long> eccBroken = new HashSet<>();
  private final int flashWordBytes;
  private final FlashWordOptionRegisters options;

  /** A controller whose operations show QW for two FLASH_SR reads. */
  public FlashWordModel(Device device) {
    this(device, 2);
  }

  /** @throws IllegalArgumentException when the device is not an H7 */
  public FlashWordModel(Device device, int busyReads) {
    FlashWordVariant variant = FlashWordVariant.forDevice(device);
    this.array = new FlashArray(device.flash(), device.erasedValue());
    this.flashWordBytes = variant.flashWordBytes();
    List<List<EraseUnit>> sectorsByBank = new ArrayList<>();
    for (int bank = 1; bank <= device.flash().bankCount(); bank++) {
      int number = bank;
      List<EraseUnit> sectors = device.flash().units().stream().filter(u -> u.bank() == number)
          .toList();
      sectorsByBank.add(sectors);
      banks.add(new FlashWordBank(variant, sectors, array, eccBroken, busyReads));
    }
    this.options = new FlashWordOptionRegisters(sectorsByBank, array, () -> {
      array.eraseAll();
      eccBroken.clear();
    }, busyReads);
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
        debugAccess(address, true);
        long word = address - address % flashWordBytes;
        if (eccBroken.contains(word)) {
          bankAt(address).doubleEccError();
          throw new BusFault(address, String.format("double ECC error in the flash word at"
              + " 0x%08X (programmed twice without an erase)", word));
        }
        return array.get(address, size);
      }

      @Override
      public void write(long address, int size, int value) {
        debugAccess(address, true);
        bankAt(address).program(address, size, value);
      }
    };
  }

  @Override
  public BusRegion registers() {
    return new RegisterBlock(new MemoryRegion(REGISTERS, 0x1000), this::readRegister,
        this::writeRegister);
  }

  @Override
  public FlashArray array() {
    return array;
  }

  @Override
  public void reset() {
    banks.forEach(FlashWordBank::reset);
    options.reset();
  }

  /** Test hook: the next option change ends with OPTCHANGEERR and changes nothing. */
  public void failNextOptionChange() {
    options.failNextChange();
  }

  /** Test hook: the next option change never ends, OPT_BUSY stays set until reset. */
  public void hangNextOptionChange() {
    options.hangNextChange();
  }

  /** Test hook: the next operation of either bank never ends, its QW stays set until reset. */
  public void hangNextOperation() {
    banks.forEach(FlashWordBank::hangNextOperation);
  }

  private int readRegister(int offset) {
    debugAccess(REGISTERS + offset, false);
    if (options.handles(offset)) {
      return options.read(offset);
    }
    int bank = offset / 0x100;
    return bank < banks.size() ? banks.get(bank).read(offset % 0x100) : 0;
  }

  private void writeRegister(int offset, long address, int value) {
    debugAccess(address, false);
    if (options.handles(offset)) {
      options.write(offset, value);
      return;
    }
    int bank = offset / 0x100;
    if (bank < banks.size()) {
      banks.get(bank).write(offset % 0x100, value);
    }
  }

  private void debugAccess(long address, boolean flash) {
    int level = options.level();
    if (level == 2 || level == 1 && flash) {
      throw new BusFault(address, "read protection level " + level + (level == 2
          ? " (RDP 0xCC): debug access is disabled for good"
          : ": the flash is not accessible while a debugger is connected"));
    }
  }

  private FlashWordBank bankAt(long address) {
    return banks.get(array.unitAt(address).bank() - 1);
  }
}
