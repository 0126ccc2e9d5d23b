package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.swd.DebugMemory;

/**
 * Programs the flash of the STM32L4, G0, G4, WB and WL families, whose controller writes 64-bit
 * double words with ECC and erases pages by number. Sequences from RM0351 section 3.3 (page
 * erase, mass erase, standard programming; the other manuals repeat them): unlock FLASH_CR with
 * the two keys, check no operation runs, clear the error flags a previous operation left (else
 * PGSERR), set PG and write the first 32-bit word at an 8-aligned address and the second at +4
 * (ECC is computed over the pair), wait for BSY (and CFGBSY where it exists), check the error
 * flags and EOP. EOP and OPERR are only set when EOPIE and ERRIE are set, so both are. Page
 * numbers per bank and register addresses differ by family: see {@link DoubleWordRegisters}.
 */
public final class DoubleWordDriver implements FlashDriver {
  private static final int PG = 1;
  private static final int PER = 1 << 1;
  private static final int MER1 = 1 << 2;
  private static final int MER2 = 1 << 15;
  private static final int STRT = 1 << 16;
  private static final int EOPIE = 1 << 24;
  private static final int ERRIE = 1 << 25;
  private static final int LOCK = 1 << 31;

  private static final int EOP = 1;
  private static final int PROGERR = 1 << 3;
  private static final int WRPERR = 1 << 4;
  private static final int ERRORS = 0xC3FA;
  static final StatusFlags ERROR_NAMES = new StatusFlags().bit(1, "OPERR")
      .bit(3, "PROGERR").bit(4, "WRPERR").bit(5, "PGAERR").bit(6, "SIZERR")
      .bit(7, "PGSERR").bit(8, "MISERR").bit(9, "FASTERR").bit(14, "RDERR")
      .bit(15, "OPTVERR");

  private final DebugMemory memory;
  private final Device device;
  private final DoubleWordRegisters registers;
  private final ControllerLock lock;

  /** @throws IllegalArgumentException when the device is not an L4, G0, G4, WB or WL */
  public DoubleWordDriver(DebugMemory memory, Device device) {
    this.memory = memory;
    this.device = device;
    this.registers = DoubleWordRegisters.forFamily(device.family());
    this.lock = new ControllerLock(memory, registers.keyRegister(), registers.controlRegister(),
        registers.statusRegister(), LOCK);
  }

  /** The option bytes, through FLASH_OPTR and the other option registers. */
  @Override
  public Optional<OptionProgrammer> options() {
    return Optional.of(new DoubleWordOptions(memory, device, registers));
  }

  @Override
  public int programUnit() {
    return 8;
  }

  @Override
  public void erase(EraseUnit unit) {
    int selection = registers.pageSelection(unit.bank(), indexInBank(unit));
    Duration typical = device.timing().erasePerKiB().multipliedBy(Math.max(1, unit.size() / 1024));
    start("erase page " + unit.number(), unit.address(), PER | selection, typical);
  }

  @Override
  public void massErase() {
    int banks = device.flash().bankCount() > 1 ? MER1 | MER2 : MER1;
    start("mass erase", device.flash().base(), banks, device.timing().massErase());
  }

  @Override
  public void program(long address, byte[] data) {
    if (address % 8 != 0 || data.length % 8 != 0 || !device.flash().contains(address, data.length)) {
      throw new IllegalArgumentException(String.format("%d bytes at 0x%08X: double words must be"
          + " 8-aligned, whole and inside flash", data.length, address));
    }
    lock.whileUnlocked(() -> {
      prepare("program", address);
      memory.write32(registers.controlRegister(), PG | EOPIE | ERRIE);
      for (int offset = 0; offset < data.length; offset += 8) {
        memory.write32(address + offset, word(data, offset));
        memory.write32(address + offset + 4, word(data, offset + 4));
        finish("program", address + offset, device.timing().programWord());
      }
    });
  }

  private void start(String operation, long address, int control, Duration typical) {
    lock.whileUnlocked(() -> {
      prepare(operation, address);
      memory.write32(registers.controlRegister(), control | EOPIE | ERRIE);
      memory.write32(registers.controlRegister(), control | EOPIE | ERRIE | STRT);
      finish(operation, address, typical);
    });
  }

  /** Waits out an operation someone else started and clears the flags it left. */
  private void prepare(String operation, long address) {
    waitWhileBusy(operation, address, PollDeadline.forTypical(device.timing().massErase()));
    memory.write32(registers.statusRegister(), ERRORS | EOP);
  }

  private void finish(String operation, long address, Duration typical) {
    int status = waitWhileBusy(operation, address, PollDeadline.forTypical(typical));
    List<String> errors = ERROR_NAMES.names(status & ERRORS);
    if (!errors.isEmpty()) {
      throw new FlashControllerException(operation, address, status, errors, explain(status));
    }
    if ((status & EOP) == 0) {
      throw new FlashControllerException(operation, address, status, List.of(),
          "BSY cleared but EOP was not set: the operation did not complete");
    }
    memory.write32(registers.statusRegister(), EOP);
  }

  private int waitWhileBusy(String operation, long address, PollDeadline deadline) {
    while (true) {
      int status = memory.read32(registers.statusRegister());
      if ((status & registers.busyMask()) == 0) {
        return status;
      }
      if (deadline.passed()) {
        throw new FlashControllerException(operation, address, status,
            registers.busyNames().names(status & registers.busyMask()),
            "the controller was still busy after " + deadline.limitMillis() + " ms");
      }
      Thread.onSpinWait();
    }
  }

  private static String explain(int status) {
    if ((status & PROGERR) != 0) {
      return "the double word is not erased (ECC double words are programmed once per erase)";
    }
    if ((status & WRPERR) != 0) {
      return "the page is write-protected";
    }
    return "the controller refused the operation";
  }

  private int indexInBank(EraseUnit unit) {
    if (!device.flash().units().contains(unit)) {
      throw new IllegalArgumentException(unit + " is not a page of " + device.name());
    }
    return (int) device.flash().units().stream()
        .filter(u -> u.bank() == unit.bank() && u.address() < unit.address()).count();
  }

  private static int word(byte[] data, int offset) {
    return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8
        | (data[offset + 2] & 0xFF) << 16 | (data[offset + 3] & 0xFF) << 24;
  }
}
