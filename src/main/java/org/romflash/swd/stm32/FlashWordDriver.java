package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.swd.DebugMemory;

/**
 * Programs the flash of the STM32H7, whose controller takes whole flash words (256 bits on
 * H74x/H75x/H72x/H73x, 128 bits on H7A3/H7B3/H7B0) through a write buffer, one register set per
 * bank. Sequences from RM0433 section 4.3 (single write sequence, sector erase, bank erase): unlock
 * the bank's CR with the two keys, clear old flags through CCR, set PG (and PSIZE, see {@link
 * FlashWordRegisters}), write the flash word as 32-bit words in ascending order, wait until QW
 * (a write or erase queued or running) clears, check the error flags. Sector erase is SER + sector
 * number + START; mass erase starts BER on every bank and waits for all.
 *
 * <p>The controller does not refuse a flash word that is not erased: it programs it and the ECC no
 * longer matches, so later reads report ECC errors (SNECCERR/DBECCERR). Programming therefore reads
 * the range first and refuses words that are not erased, with no status flag to name.
 */
public final class FlashWordDriver implements FlashDriver {
  private static final int LOCK = 1;
  private static final int PG = 1 << 1;
  private static final int SER = 1 << 2;
  private static final int BER = 1 << 3;

  private static final int QW = 1 << 2;
  private static final int EOP = 1 << 16;
  private static final int WRPERR = 1 << 17;
  private static final int SNECCERR = 1 << 25;
  private static final int CLEARABLE = 0x0FEF0000;
  private static final int ERRORS = CLEARABLE & ~EOP & ~SNECCERR & ~(1 << 27);
  private static final StatusFlags NAMES = new StatusFlags().bit(0, "BSY").bit(1, "WBNE")
      .bit(2, "QW").bit(17, "WRPERR").bit(18, "PGSERR").bit(19, "STRBERR")
      .bit(21, "INCERR").bit(22, "OPERR").bit(23, "RDPERR").bit(24, "RDSERR")
      .bit(25, "SNECCERR").bit(26, "DBECCERR");

  private final DebugMemory memory;
  private final Device device;
  private final FlashWordRegisters registers;

  /** @throws IllegalArgumentException when the device is not an H7 */
  public FlashWordDriver(DebugMemory memory, Device device) {
    this.memory = memory;
    this.device = device;
    this.registers = FlashWordRegisters.forDevice(device);
  }

  /** The option bytes, through FLASH_OPTSR_PRG and the other _PRG registers. */
  @Override
  public Optional<OptionProgrammer> options() {
    return Optional.of(new FlashWordOptions(memory, device));
  }

  @Override
  public int programUnit() {
    return registers.flashWordBytes();
  }

  @Override
  public void erase(EraseUnit unit) {
    int control = SER | registers.parallelism() | registers.sectorSelection(indexInBank(unit));
    PollDeadline deadline = PollDeadline.forTypical(
        device.timing().erasePerKiB().multipliedBy(Math.max(1, unit.size() / 1024)));
    String operation = "erase sector " + unit.number();
    keys(unit.bank()).whileUnlocked(() -> {
      start(unit.bank(), control);
      finish(operation, unit.bank(), unit.address(), deadline);
    });
  }

  @Override
  public void massErase() {
    int banks = device.flash().bankCount();
    whileUnlocked(1, banks, () -> {
      for (int bank = 1; bank <= banks; bank++) {
        start(bank, BER | registers.parallelism());
      }
      PollDeadline deadline = PollDeadline.forTypical(device.timing().massErase());
      for (int bank = 1; bank <= banks; bank++) {
        finish("erase bank " + bank, bank, bankStart(bank), deadline);
      }
    });
  }

  @Override
  public void program(long address, byte[] data) {
    int bank = bankOf(address, data.length);
    refuseWordsNotErased(bank, address, data);
    Duration perWord = device.timing().programWord();
    keys(bank).whileUnlocked(() -> {
      clearFlags(bank);
      memory.write32(register(bank, 0x0C), PG | registers.parallelism());
      for (int offset = 0; offset < data.length; offset += registers.flashWordBytes()) {
        for (int word = 0; word < registers.flashWordBytes(); word += 4) {
          memory.write32(address + offset + word, word(data, offset + word));
        }
        finish("program", bank, address + offset, PollDeadline.forTypical(perWord));
      }
    });
  }

  private void start(int bank, int control) {
    clearFlags(bank);
    memory.write32(register(bank, 0x0C), control);
    memory.write32(register(bank, 0x0C), control | registers.start());
  }

  private void clearFlags(int bank) {
    memory.write32(register(bank, 0x14), CLEARABLE);
  }

  private void finish(String operation, int bank, long address, PollDeadline deadline) {
    int status;
    while (((status = memory.read32(register(bank, 0x10))) & QW) != 0) {
      if (deadline.passed()) {
        throw new FlashControllerException(operation, address, status, NAMES.names(status & QW),
            "bank " + bank + " still had an operation queued after " + deadline.limitMillis()
                + " ms");
      }
      Thread.onSpinWait();
    }
    List<String> errors = NAMES.names(status & ERRORS);
    if (!errors.isEmpty()) {
      throw new FlashControllerException(operation, address, status, errors,
          (status & WRPERR) != 0 ? "the sector is write-protected"
              : "bank " + bank + " refused the operation");
    }
  }

  private void refuseWordsNotErased(int bank, long address, byte[] data) {
    byte[] current = memory.read(address, data.length);
    for (int i = 0; i < current.length; i++) {
      if ((current[i] & 0xFF) != device.erasedValue()) {
        long word = address + i - i % registers.flashWordBytes();
        int status = memory.read32(register(bank, 0x10));
        throw new FlashControllerException("program", word, status, List.of(),
            "the flash word is not erased: H7 flash words carry ECC and are programmed once per"
                + " erase (the controller would program it and corrupt its ECC)");
      }
    }
  }

  private int bankOf(long address, int length) {
    int word = registers.flashWordBytes();
    List<EraseUnit> units = device.flash().unitsCovering(address, length);
    if (address % word != 0 || length % word != 0 || !device.flash().contains(address, length)
        || units.stream().mapToInt(EraseUnit::bank).distinct().count() != 1) {
      throw new IllegalArgumentException(String.format("%d bytes at 0x%08X: flash words of %d"
          + " bytes must be aligned, whole, inside flash and in one bank", length, address, word));
    }
    return units.get(0).bank();
  }

  private int indexInBank(EraseUnit unit) {
    if (!device.flash().units().contains(unit)) {
      throw new IllegalArgumentException(unit + " is not a sector of " + device.name());
    }
    return (int) device.flash().units().stream()
        .filter(u -> u.bank() == unit.bank() && u.address() < unit.address()).count();
  }

  private long bankStart(int bank) {
    return device.flash().units().stream().filter(u -> u.bank() == bank)
        .mapToLong(EraseUnit::address).min().orElseThrow();
  }

  private void whileUnlocked(int bank, int lastBank, Runnable operation) {
    if (bank > lastBank) {
      operation.run();
    } else {
      keys(bank).whileUnlocked(() -> whileUnlocked(bank + 1, lastBank, operation));
    }
  }

  private ControllerLock keys(int bank) {
    return new ControllerLock(memory, register(bank, 0x04), register(bank, 0x0C),
        register(bank, 0x10), LOCK);
  }

  private static long register(int bank, int offset) {
    return FlashWordRegisters.bankBase(bank) + offset;
  }

  private static int word(byte[] data, int offset) {
    return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8
        | (data[offset + 2] & 0xFF) << 16 | (data[offset + 3] & 0xFF) << 24;
  }
}
