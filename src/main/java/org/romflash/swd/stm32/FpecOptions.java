package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;
import org.romflash.device.OptionImage;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;

/**
 * F0/F1/F3 option bytes through the FPEC, in the sequence of PM0075 "Option byte programming"
 * (F1), RM0091 3.2.2 "Option byte programming" (F0) and RM0316 chapter 4 (F3): with the FPEC
 * unlocked, the option keys (the flash keys, written to OPTKEYR 0x08) set OPTWRE (FLASH_CR bit
 * 9); OPTER (bit 5) and STRT erase the whole area; then OPTPG (bit 4) and one 16-bit write per
 * option byte, its value in the low byte: the FPEC writes the complement itself. Each step waits
 * for BSY and checks EOP, PGERR and WRPRTERR. The chip then loads the area ({@link
 * FpecOptionLoad}), and LOCK, written as the controller is locked again, also clears OPTWRE (it
 * is cleared by writing 0).
 *
 * <p>The image is the area as it reads in memory, complements included. A byte and complement
 * both 0xFF stay erased (the state the loader accepts without an error, RM0091 4); any other
 * pair must hold a complement that matches, since the chip would load a mismatch as an option
 * byte error. Programming RDP with the open value (0xA5 on F1, 0xAA on F0/F3) while read
 * protection is loaded mass-erases the flash, so that write may take a mass erase's time.
 */
final class FpecOptions implements OptionProgrammer {
  static final int OPTKEYR = 0x08;
  static final int OPTPG = 1 << 4;
  static final int OPTER = 1 << 5;
  static final int OPTWRE = 1 << 9;

  private final Device device;
  private final DebugMemory memory;
  private final FpecBank bank;
  private final FpecOptionLoad load;
  private final MemoryRegion area;

  FpecOptions(DebugMemory memory, Device device, FpecBank bank1) {
    this.device = device;
    this.memory = memory;
    this.bank = bank1;
    this.load = new FpecOptionLoad(memory, device, FpecDriver.REGISTERS);
    this.area = device.optionBytes();
  }

  @Override
  public byte[] read() {
    return memory.read(area.start(), (int) area.size());
  }

  @Override
  public void program(byte[] image, boolean permanentLockConfirmed) {
    OptionImage checked = OptionImageRules.checked(device, image, permanentLockConfirmed);
    List<Integer> programmed = programmedOffsets(image);
    Duration erase = device.timing().erasePerKiB();
    bank.run("option bytes", area.start(), erase, () -> {
      enableWrite();
      bank.control(OPTWRE | OPTER);
      bank.control(OPTWRE | OPTER | FpecBank.STRT);
      bank.finish("option erase", area.start(), erase);
      bank.control(OPTWRE | OPTPG);
      for (int offset : programmed) {
        long at = area.start() + offset;
        memory.write16(at, image[offset] & 0xFF);
        bank.finish("option program", at,
            offset == 0 ? device.timing().massErase() : device.timing().programWord());
      }
      bank.control(OPTWRE);
      load.loadAndWait(wrpr(image), checked.readProtectionLevel(), area.start());
    });
  }

  /** The offsets of the option bytes to program; erased pairs are left alone. */
  private List<Integer> programmedOffsets(byte[] image) {
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i + 1 < image.length; i += 2) {
      int value = image[i] & 0xFF;
      int complement = image[i + 1] & 0xFF;
      if (value == 0xFF && complement == 0xFF) {
        continue;
      }
      if (complement != (~value & 0xFF)) {
        throw new IllegalArgumentException(String.format("the option byte at 0x%08X is 0x%02X"
            + " but its complement at 0x%08X is 0x%02X, not 0x%02X: the chip would load it as an"
            + " option byte error", area.start() + i, value, area.start() + i + 1, complement,
            ~value & 0xFF));
      }
      offsets.add(i);
    }
    return offsets;
  }

  /** FLASH_WRPR as the loader builds it: WRP0-WRP3 at +8, +10, +12, +14; erased or absent 0xFF. */
  private static int wrpr(byte[] image) {
    int wrpr = 0;
    for (int i = 0; i < 4; i++) {
      int at = 8 + 2 * i;
      wrpr |= (at < image.length ? image[at] & 0xFF : 0xFF) << (8 * i);
    }
    return wrpr;
  }

  /** OPTWRE from the option keys, written only while it is clear (a second sequence locks up). */
  private void enableWrite() {
    long control = FpecDriver.REGISTERS + FpecBank.CR;
    if ((memory.read32(control) & OPTWRE) != 0) {
      return;
    }
    try {
      memory.write32(FpecDriver.REGISTERS + OPTKEYR, ControllerLock.KEY1);
      memory.write32(FpecDriver.REGISTERS + OPTKEYR, ControllerLock.KEY2);
    } catch (DebugAccessException e) {
      FlashControllerException refused = refused("the option keys were refused with a bus error ("
          + e.getMessage() + "): a wrong key sequence keeps OPTWRE clear until the next reset");
      refused.initCause(e);
      throw refused;
    }
    if ((memory.read32(control) & OPTWRE) == 0) {
      throw refused("OPTWRE stayed clear after the option keys");
    }
  }

  private FlashControllerException refused(String detail) {
    int status = memory.read32(FpecDriver.REGISTERS + FpecBank.SR);
    return new FlashControllerException("option unlock", area.start(),
        Integer.toUnsignedLong(status), List.of(), detail);
  }
}
