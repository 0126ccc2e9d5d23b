package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;

/**
 * F2/F4/F7 option bytes through FLASH_OPTCR, in the sequence of RM0033 and RM0090 "Modifying user
 * option bytes" (RM0385 and RM0410 likewise): OPTKEYR (0x08) takes 0x08192A3B then 0x4C5D6E7F to
 * clear OPTLOCK (OPTCR bit 0), BSY is awaited, OPTCR (0x14, and on F7 OPTCR1 at 0x18) gets the new
 * values, OPTSTRT (bit 1) makes the chip erase the option bytes and program them from the
 * registers, BSY is awaited again and the error flags checked. OPTCR then reads the new values
 * (checked here); OPTLOCK is set again whatever happened, by a read-modify-write, since OPTCR
 * holds the options themselves. FLASH_CR is not unlocked: the option lock is its own.
 *
 * <p>Lowering read protection from level 1 to 0 mass-erases the flash (RM0090 "Read protection
 * (RDP)"), so that OPTSTRT may take a mass erase's time. See {@link OptcrLayout} for which bits
 * are taken from the image.
 */
final class SectorOptions implements OptionProgrammer {
  static final int OPTKEYR = 0x08;
  static final int OPTCR = 0x14;
  static final int OPTCR1 = 0x18;
  static final int OPTKEY1 = 0x0819_2A3B;
  static final int OPTKEY2 = 0x4C5D_6E7F;
  /**
   * OPTSTRT's typical time, taken as a 16 KB sector erase: the manuals give none for the user
   * configuration sector it erases and programs (an estimate; the deadline is ten times it).
   */
  static final int OPTION_SECTOR_KIB = 16;

  private final Device device;
  private final DebugMemory memory;
  private final SectorRegisters registers;
  private final OptcrLayout layout;
  private final long base;
  private final long address;

  SectorOptions(DebugMemory memory, Device device, SectorRegisters registers, long base) {
    this.device = device;
    this.memory = memory;
    this.registers = registers;
    this.layout = OptcrLayout.of(device);
    this.base = base;
    this.address = device.optionBytes().start();
  }

  @Override
  public byte[] read() {
    return layout.image(memory.read32(base + OPTCR),
        layout.optcr1InImage() ? memory.read32(base + OPTCR1) : 0);
  }

  @Override
  public void program(byte[] image, boolean permanentLockConfirmed) {
    OptionImageRules.checked(device, image, permanentLockConfirmed);
    int current = memory.read32(base + OPTCR);
    int optcr = layout.optcr(image, current);
    Duration typical = levelOf(current) == 1 && levelOf(optcr) == 0
        ? device.timing().massErase()
        : device.timing().erasePerKiB().multipliedBy(OPTION_SECTOR_KIB);
    unlocked(() -> {
      registers.awaitIdleAndClear("option bytes", address, typical);
      if (layout.optcr1InImage()) {
        memory.write32(base + OPTCR1, layout.optcr1(image));
      }
      memory.write32(base + OPTCR, optcr);
      memory.write32(base + OPTCR, optcr | OptcrLayout.OPTSTRT);
      registers.finish("option bytes", address, typical);
      verify(optcr, image);
    });
  }

  private void verify(int optcr, byte[] image) {
    int back = memory.read32(base + OPTCR);
    int back1 = layout.optcr1InImage() ? memory.read32(base + OPTCR1) : 0;
    int wanted1 = layout.optcr1InImage() ? layout.optcr1(image) : 0;
    if ((back & layout.mask()) != (optcr & layout.mask()) || back1 != wanted1) {
      throw new FlashControllerException("option bytes", address,
          Integer.toUnsignedLong(registers.status()), List.of(), String.format(
              "OPTCR reads back 0x%08X after OPTSTRT, not 0x%08X%s: the chip did not take the"
                  + " new option bytes (at read protection level 2 they cannot change)", back,
              optcr, layout.optcr1InImage() ? String.format(" (OPTCR1 0x%08X, not 0x%08X)",
                  back1, wanted1) : ""));
    }
  }

  /** Clears OPTLOCK, runs {@code work}, and sets OPTLOCK again, also when unlocking failed. */
  private void unlocked(Runnable work) {
    RuntimeException failure = null;
    try {
      unlock();
      work.run();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      try {
        memory.write32(base + OPTCR,
            memory.read32(base + OPTCR) & ~OptcrLayout.OPTSTRT | OptcrLayout.OPTLOCK);
      } catch (RuntimeException e) {
        if (failure == null) {
          throw e;
        }
        failure.addSuppressed(e);
      }
    }
  }

  /** The option keys, written only while OPTLOCK is set (a second sequence locks up). */
  private void unlock() {
    if ((memory.read32(base + OPTCR) & OptcrLayout.OPTLOCK) == 0) {
      return;
    }
    try {
      memory.write32(base + OPTKEYR, OPTKEY1);
      memory.write32(base + OPTKEYR, OPTKEY2);
    } catch (DebugAccessException e) {
      FlashControllerException refused = refused("the option keys were refused with a bus error ("
          + e.getMessage() + "): a wrong key sequence keeps OPTCR locked until the next reset");
      refused.initCause(e);
      throw refused;
    }
    if ((memory.read32(base + OPTCR) & OptcrLayout.OPTLOCK) != 0) {
      throw refused("OPTLOCK stayed set after the option keys");
    }
  }

  private FlashControllerException refused(String detail) {
    return new FlashControllerException("option unlock", address,
        Integer.toUnsignedLong(registers.status()), List.of(), detail);
  }

  /** The read protection level OPTCR's RDP (bits 15:8) means. */
  private static int levelOf(int optcr) {
    int rdp = optcr >>> 8 & 0xFF;
    return rdp == 0xAA ? 0 : rdp == 0xCC ? 2 : 1;
  }
}
