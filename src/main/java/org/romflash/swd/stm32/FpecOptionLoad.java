package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;

/**
 * Has an F0/F1/F3 load the option bytes just programmed, and waits until it has. F0 and F3 load
 * them when OBL_LAUNCH (FLASH_CR bit 13) is set, which also resets the chip (RM0091 3.5.5, RM0316
 * 4.5.5); the F1 has no such bit and loads them at a system reset (PM0075 2.5: "loaded after a
 * system reset"), requested here through AIRCR (SYSRESETREQ with the key 0x05FA, ARMv7-M B3.2.6).
 * Either way the core resets too: the reset vector catch (DEMCR VC_CORERESET) is set for the
 * duration, so a core the debugger had enabled halts at its first instruction instead of running
 * the firmware, and DEMCR is put back afterwards.
 *
 * <p>The load is done when FLASH_CR reads locked again (the reset locks it), FLASH_WRPR holds the
 * image's WRP bytes, FLASH_OBR its read-protection level without OPTERR, and an enabled core
 * reads halted in DHCSR. Accesses that fault while the chip resets are retried until the
 * deadline: ten times {@link #TYPICAL} plus 100 ms.
 */
final class FpecOptionLoad {
  static final long AIRCR = 0xE000_ED0CL;
  static final int SYSRESETREQ = 0x05FA_0004;
  static final long DHCSR = 0xE000_EDF0L;
  static final long DEMCR = 0xE000_EDFCL;
  static final int C_DEBUGEN = 1;
  static final int S_HALT = 1 << 17;
  static final int VC_CORERESET = 1;
  static final int OBR = 0x1C;
  static final int WRPR = 0x20;
  static final int OBL_LAUNCH = 1 << 13;
  static final int OPTERR = 1;
  /** A reset and option load take microseconds; the margin is for the probe reconnecting. */
  static final Duration TYPICAL = Duration.ofMillis(50);

  private final DebugMemory memory;
  private final long registers;
  private final boolean f1;

  FpecOptionLoad(DebugMemory memory, Device device, long registers) {
    this.memory = memory;
    this.registers = registers;
    this.f1 = device.family().equals("STM32F1");
  }

  /**
   * Loads the option bytes and waits for {@code wrpr} and read-protection {@code level} to show.
   *
   * @throws FlashControllerException on OPTERR, or when the deadline passes first
   */
  void loadAndWait(int wrpr, int level, long address) {
    int demcr = memory.read32(DEMCR);
    boolean debugging = (memory.read32(DHCSR) & C_DEBUGEN) != 0;
    memory.write32(DEMCR, demcr | VC_CORERESET);
    try {
      trigger();
      await(wrpr, level, address, debugging);
    } finally {
      memory.write32(DEMCR, demcr);
    }
  }

  private void trigger() {
    try {
      if (f1) {
        memory.write32(AIRCR, SYSRESETREQ);
      } else {
        memory.write32(registers + FpecBank.CR, FpecOptions.OPTWRE | OBL_LAUNCH);
      }
    } catch (DebugAccessException e) {
      // The reset may cut the write's acknowledgement short; the wait below tells.
    }
  }

  private void await(int wrpr, int level, long address, boolean debugging) {
    PollDeadline deadline = PollDeadline.forTypical(TYPICAL);
    int obr = 0;
    while (true) {
      try {
        boolean reset = (memory.read32(registers + FpecBank.CR) & FpecBank.LOCK) != 0;
        obr = memory.read32(registers + OBR);
        if (reset && (obr & OPTERR) != 0) {
          throw failure(address, obr, "the chip loaded the option bytes with an option byte error"
              + " (a complement that does not match): it applies 0xFF for such bytes");
        }
        if (reset && memory.read32(registers + WRPR) == wrpr && level(obr) == level
            && (!debugging || (memory.read32(DHCSR) & S_HALT) != 0)) {
          return;
        }
      } catch (DebugAccessException e) {
        // The chip is still in reset; try again.
      }
      if (deadline.passed()) {
        throw failure(address, obr, String.format("the chip did not show the new option bytes"
            + " within %d ms of %s (expected WRPR 0x%08X and read protection level %d)",
            deadline.limitMillis(), f1 ? "a system reset" : "OBL_LAUNCH", wrpr, level));
      }
      Thread.onSpinWait();
    }
  }

  /** FLASH_OBR's read protection: RDPRT bit 1 on F1 (PM0075), bits 2:1 = 00, 01, 11 on F0/F3. */
  private int level(int obr) {
    if (f1) {
      return obr >> 1 & 1;
    }
    int rdprt = obr >> 1 & 3;
    return rdprt == 3 ? 2 : rdprt;
  }

  private static FlashControllerException failure(long address, int obr, String detail) {
    return new FlashControllerException("option load", address, Integer.toUnsignedLong(obr),
        (obr & OPTERR) != 0 ? List.of("OPTERR") : List.of(), detail + " (the status shown is"
            + " FLASH_OBR)");
  }
}
