package org.romflash.swd.sim;

import org.romflash.device.MemoryRegion;

/**
 * The Cortex-M debug registers of the System Control Space that a debugger uses (ARMv7-M C1.6):
 * DHCSR (halt, with its key), DEMCR (reset vector catch) and AIRCR (system reset request, with its
 * key). The core does not run code here: it is either halted or "running".
 */
public final class SystemControlModel implements BusRegion {
  public static final long AIRCR = 0xE000_ED0CL;
  public static final long DHCSR = 0xE000_EDF0L;
  public static final long DEMCR = 0xE000_EDFCL;
  private static final MemoryRegion REGION = new MemoryRegion(0xE000_ED00L, 0x100);

  private final Runnable systemReset;
  private final RegisterFile others = new RegisterFile(REGION);
  private boolean debugEnabled;
  private boolean halted;
  private boolean resetSinceRead;
  private int demcr;

  /** @param systemReset what SYSRESETREQ does to the rest of the chip */
  public SystemControlModel(Runnable systemReset) {
    this.systemReset = systemReset;
  }

  @Override
  public MemoryRegion region() {
    return REGION;
  }

  public boolean halted() {
    return halted;
  }

  /** The chip came out of reset: the core halts at once when the reset vector catch is set. */
  public void afterReset() {
    halted = debugEnabled && (demcr & 1) != 0;
    resetSinceRead = true;
  }

  @Override
  public int read(long address, int size) {
    if (address == DHCSR && size == 4) {
      int value = (debugEnabled ? 1 : 0) | (halted ? 2 : 0) | (halted ? 1 << 17 : 0)
          | (resetSinceRead ? 1 << 25 : 0) | 1 << 16;
      resetSinceRead = false;
      return value;
    }
    if (address == DEMCR && size == 4) {
      return demcr;
    }
    return others.read(address, size);
  }

  @Override
  public void write(long address, int size, int value) {
    if (address == DHCSR && size == 4) {
      if ((value >>> 16) == 0xA05F) {
        debugEnabled = (value & 1) != 0;
        halted = debugEnabled && (value & 2) != 0;
      }
    } else if (address == DEMCR && size == 4) {
      demcr = value;
    } else if (address == AIRCR && size == 4) {
      if ((value >>> 16) == 0x05FA && (value & 4) != 0) {
        systemReset.run();
      }
    } else {
      others.write(address, size, value);
    }
  }
}
