package org.romflash.swd.adi;

import org.romflash.swd.CoreControl;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;

/**
 * A Cortex-M core through its debug registers (ARMv6-M/ARMv7-M architecture manuals, C1.6):
 * DHCSR to halt and resume, DEMCR's VC_CORERESET to stop at the reset vector, AIRCR's
 * SYSRESETREQ to reset the chip.
 */
public final class CortexM implements CoreControl {
  public static final long DHCSR = 0xE000_EDF0L;
  public static final long DEMCR = 0xE000_EDFCL;
  public static final long AIRCR = 0xE000_ED0CL;
  static final int DBGKEY = 0xA05F_0000;
  static final int C_DEBUGEN = 1;
  static final int C_HALT = 1 << 1;
  static final int S_HALT = 1 << 17;
  static final int S_RESET_ST = 1 << 25;
  static final int VC_CORERESET = 1;
  static final int VECTKEY = 0x05FA_0000;
  static final int SYSRESETREQ = 1 << 2;
  private static final long HALT_MILLIS = 500;

  private final DebugMemory memory;

  public CortexM(DebugMemory memory) {
    this.memory = memory;
  }

  @Override
  public void halt() {
    memory.write32(DHCSR, DBGKEY | C_DEBUGEN | C_HALT);
    awaitHalt("halt");
  }

  /** Sets VC_CORERESET and requests a system reset; the core stops at its reset vector. */
  @Override
  public void resetAndHalt() {
    memory.write32(DHCSR, DBGKEY | C_DEBUGEN | C_HALT);
    memory.write32(DEMCR, memory.read32(DEMCR) | VC_CORERESET);
    requestReset();
    awaitHalt("reset and halt");
    memory.write32(DEMCR, memory.read32(DEMCR) & ~VC_CORERESET);
  }

  @Override
  public void resume() {
    memory.write32(DHCSR, DBGKEY | C_DEBUGEN);
  }

  /** Clears the reset catch, releases debug control and resets: the application starts. */
  @Override
  public void resetAndRun() {
    memory.write32(DEMCR, memory.read32(DEMCR) & ~VC_CORERESET);
    memory.write32(DHCSR, DBGKEY);
    requestReset();
  }

  @Override
  public boolean halted() {
    return (memory.read32(DHCSR) & S_HALT) != 0;
  }

  /** Sets VC_CORERESET so that the reset a probe is about to release stops at the first fetch. */
  public void catchReset() {
    memory.write32(DHCSR, DBGKEY | C_DEBUGEN);
    memory.write32(DEMCR, memory.read32(DEMCR) | VC_CORERESET);
  }

  private void requestReset() {
    try {
      memory.write32(AIRCR, VECTKEY | SYSRESETREQ);
    } catch (DebugAccessException resetting) {
      // The reset may cut the answer to its own write short; the halt poll tells.
    }
  }

  /** Waits for the core to halt (after a reset caught at its vector, say). */
  public void awaitHalt() {
    awaitHalt("halt");
  }

  void awaitHalt(String what) {
    long deadline = System.nanoTime() + HALT_MILLIS * 1_000_000L;
    int status = 0;
    while (System.nanoTime() < deadline) {
      try {
        status = memory.read32(DHCSR);
        if ((status & S_HALT) != 0) {
          return;
        }
      } catch (DebugAccessException stillResetting) {
        // Try again until the deadline.
      }
    }
    throw new DebugAccessException(String.format("%s: the core did not halt within %d ms"
        + " (DHCSR 0x%08X)", what, HALT_MILLIS, status));
  }
}
