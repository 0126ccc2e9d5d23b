package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.swd.DebugMemory;

/**
 * Programs STM32F0, F1 and F3 flash through their flash program/erase controller (FPEC), register
 * by register: half-word programming and page erase, as PM0075 (F1, the manual RM0008 3.3.3
 * refers to), RM0091 3.2.2 (F0) and RM0316 chapter 4 (F3) describe them. Each half-word is
 * written with one 16-bit access while PG is set (any other size is a bus error), then BSY is
 * awaited and PGERR, WRPRTERR and EOP checked; a page is erased by PER, its address in AR and
 * STRT; a mass erase by MER and STRT. F1 XL-density entries (two banks) use the bank-2 registers
 * at +0x40 for units of bank 2, and a mass erase erases each bank in turn. The option bytes are
 * programmed through bank 1 ({@link FpecOptions}).
 */
public final class FpecDriver implements FlashDriver {
  /** The FPEC's registers (FLASH_ACR) on every F0/F1/F3. */
  public static final long REGISTERS = 0x4002_2000L;
  static final long BANK2_OFFSET = 0x40;
  static final Set<String> FAMILIES = Set.of("STM32F0", "STM32F1", "STM32F3");

  private final Device device;
  private final DebugMemory memory;
  private final List<FpecBank> banks;
  private final FpecOptions options;

  /**
   * @throws IllegalArgumentException when the device is not an F0/F1/F3 entry, or has two banks
   *     without being an F1 (only F1 XL-density has bank-2 registers)
   */
  public FpecDriver(DebugMemory memory, Device device) {
    if (!FAMILIES.contains(device.family())) {
      throw new IllegalArgumentException("the FPEC driver programs STM32F0/F1/F3, not "
          + device.name() + " (" + device.family() + ")");
    }
    int bankCount = device.flash().bankCount();
    if (bankCount > 2 || (bankCount == 2 && !device.family().equals("STM32F1"))) {
      throw new IllegalArgumentException(device.name() + ": " + bankCount
          + " flash banks; only F1 XL-density has a second FPEC bank");
    }
    this.device = device;
    this.memory = memory;
    this.banks = IntStream.range(0, bankCount)
        .mapToObj(b -> new FpecBank(memory, REGISTERS + b * BANK2_OFFSET)).toList();
    this.options = new FpecOptions(memory, device, banks.get(0));
  }

  @Override
  public int programUnit() {
    return 2;
  }

  @Override
  public void erase(EraseUnit unit) {
    Duration typical = device.timing().erasePerKiB().multipliedBy(Math.max(1, unit.size() / 1024));
    FpecBank bank = bank(unit.bank());
    bank.run("erase", unit.address(), typical, () -> {
      bank.control(FpecBank.PER);
      bank.address(unit.address());
      bank.control(FpecBank.PER | FpecBank.STRT);
      bank.finish("erase", unit.address(), typical);
    });
  }

  @Override
  public void massErase() {
    Duration typical = device.timing().massErase();
    for (int b = 1; b <= banks.size(); b++) {
      long first = firstAddress(b);
      FpecBank bank = bank(b);
      bank.run("mass erase", first, typical, () -> {
        bank.control(FpecBank.MER);
        bank.control(FpecBank.MER | FpecBank.STRT);
        bank.finish("mass erase", first, typical);
      });
    }
  }

  @Override
  public void program(long address, byte[] data) {
    FpecBank bank = bank(ProgramRange.bankOf(device, address, data.length, programUnit()));
    Duration typical = device.timing().programWord();
    bank.run("program", address, typical, () -> {
      bank.control(FpecBank.PG);
      for (int i = 0; i < data.length; i += 2) {
        long at = address + i;
        memory.write16(at, (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8);
        bank.finish("program", at, typical);
      }
    });
  }

  @Override
  public Optional<OptionProgrammer> options() {
    return Optional.of(options);
  }

  private FpecBank bank(int number) {
    if (number < 1 || number > banks.size()) {
      throw new IllegalArgumentException(device.name() + " has no flash bank " + number);
    }
    return banks.get(number - 1);
  }

  private long firstAddress(int bank) {
    return device.flash().units().stream().filter(u -> u.bank() == bank)
        .mapToLong(EraseUnit::address).min().orElseThrow();
  }
}
