package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.swd.DebugMemory;

/**
 * Programs STM32F2, F4 and F7 flash, whose controller erases sectors of different sizes and
 * programs 1, 2, 4 or 8 bytes per access as PSIZE says (RM0033 and RM0090 chapter 3, RM0385 and
 * RM0410 chapter 3). This driver always uses PSIZE x32, a 4-byte program unit: x32 works from 2.7
 * to 3.6 V, which is what boards programmed over SWD run at, while x64 needs an external VPP of
 * 8-9 V and x8/x16 program four and two times slower (RM0090 "Program/erase parallelism"). F7
 * device entries give a program word of 8 (the bootloader's alignment); x32 words fit within it.
 *
 * <p>Programming: PG and PSIZE, one 32-bit write per word, BSY awaited, error flags checked, and
 * the range read back at the end: these controllers flag no error for a word that was not erased,
 * they only clear bits (RM0090 3.5.4 in Rev 4: "Writing '1' requires a Flash memory erase"), so a
 * read-back is the only way to notice. EOP is not checked: it is set only when EOPIE is
 * (RM0090 FLASH_SR). Sector erase: SER and SNB, then STRT. Mass erase: MER, and MER1 for bank 2
 * on dual-bank F42x/F43x and F469/F479, then STRT. The option bytes are programmed through
 * FLASH_OPTCR ({@link SectorOptions}).
 */
public final class SectorFlashDriver implements FlashDriver {
  /** The controller's registers (FLASH_ACR) on every F2/F4/F7. */
  public static final long REGISTERS = 0x4002_3C00L;
  static final Set<String> FAMILIES = Set.of("STM32F2", "STM32F4", "STM32F7");

  static final int PG = 1;
  static final int SER = 1 << 1;
  static final int MER = 1 << 2;
  static final int SNB_SHIFT = 3;
  static final int PSIZE_X32 = 0b10 << 8;
  static final int MER1 = 1 << 15;
  static final int STRT = 1 << 16;

  private final Device device;
  private final DebugMemory memory;
  private final SectorRegisters registers;
  private final SectorOptions options;

  /**
   * @throws IllegalArgumentException when the device is not an F2/F4/F7 entry, or is an F7 entry
   *     with two banks (RM0410's dual-bank mode, nDBANK cleared, is not supported)
   */
  public SectorFlashDriver(DebugMemory memory, Device device) {
    if (!FAMILIES.contains(device.family())) {
      throw new IllegalArgumentException("the F2/F4/F7 driver programs STM32F2/F4/F7, not "
          + device.name() + " (" + device.family() + ")");
    }
    int banks = device.flash().bankCount();
    if (banks > 2 || (banks == 2 && !device.family().equals("STM32F4"))) {
      throw new IllegalArgumentException(device.name() + ": " + banks
          + " flash banks; only the F4 dual-bank layout (RM0090 F42x/F43x) is supported");
    }
    this.device = device;
    this.memory = memory;
    this.registers = new SectorRegisters(memory, REGISTERS, device.family());
    this.options = new SectorOptions(memory, device, registers, REGISTERS);
  }

  @Override
  public Optional<OptionProgrammer> options() {
    return Optional.of(options);
  }

  @Override
  public int programUnit() {
    return 4;
  }

  @Override
  public void erase(EraseUnit unit) {
    int snb = SectorNumbers.snb(device.flash(), unit);
    Duration typical = device.timing().erasePerKiB().multipliedBy(Math.max(1, unit.size() / 1024));
    int control = PSIZE_X32 | SER | snb << SNB_SHIFT;
    registers.run("erase", unit.address(), typical, () -> {
      registers.control(control);
      registers.control(control | STRT);
      registers.finish("erase", unit.address(), typical);
    });
  }

  @Override
  public void massErase() {
    Duration typical = device.timing().massErase();
    long base = device.flash().base();
    int control = PSIZE_X32 | MER | (device.flash().bankCount() == 2 ? MER1 : 0);
    registers.run("mass erase", base, typical, () -> {
      registers.control(control);
      registers.control(control | STRT);
      registers.finish("mass erase", base, typical);
    });
  }

  @Override
  public void program(long address, byte[] data) {
    ProgramRange.bankOf(device, address, data.length, programUnit());
    Duration typical = device.timing().programWord();
    registers.run("program", address, typical, () -> {
      registers.control(PSIZE_X32 | PG);
      for (int i = 0; i < data.length; i += 4) {
        long at = address + i;
        memory.write32(at, word(data, i));
        registers.finish("program", at, typical);
      }
    });
    verify(address, data);
  }

  private void verify(long address, byte[] data) {
    byte[] back = memory.read(address, data.length);
    for (int i = 0; i < data.length; i += 4) {
      if (word(back, i) != word(data, i)) {
        throw new FlashControllerException("program", address + i,
            Integer.toUnsignedLong(registers.status()), List.of(), String.format(
                "reads back 0x%08X after 0x%08X was programmed: the word was not erased"
                    + " (programming only clears bits)", word(back, i), word(data, i)));
      }
    }
  }

  private static int word(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
        | (bytes[at + 3] & 0xFF) << 24;
  }
}
