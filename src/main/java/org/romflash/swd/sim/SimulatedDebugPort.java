package org.romflash.swd.sim;

/**
 * The SW-DP and AHB-AP of the simulated chip (ADIv5): it answers only after a line reset, the
 * JTAG-to-SWD sequence and a DPIDR read; CTRL/STAT acknowledges power-up requests; SELECT picks
 * AP and bank; the AP's TAR auto-increments within its 1 KiB block (wrapping there, as ADIv5
 * allows, so a debugger that forgets to cut its runs writes the wrong place); a bus fault sets
 * STICKYERR and every later AP access answers FAULT until ABORT clears it.
 */
final class SimulatedDebugPort {
  static final int OK = 1;
  static final int FAULT = 4;
  static final int NO_ACK = 7;
  static final int DPIDR_VALUE = 0x2BA0_1477;
  static final int AHB_AP_IDR = 0x2477_0011;

  private final SimulatedChip chip;
  private boolean lineReset;
  private boolean swdSelected;
  private boolean ready;
  private int ctrlStat;
  private int select;
  private boolean stickyErr;
  private int csw = 0x0300_0042;
  private long tar;

  SimulatedDebugPort(SimulatedChip chip) {
    this.chip = chip;
  }

  /** Bits clocked out with SWDIO: ones for line reset, 0xE79E to leave JTAG. */
  void sequence(int bits, byte[] data) {
    boolean allOnes = bits >= 50;
    for (int i = 0; i < bits && allOnes; i++) {
      allOnes = (data[i / 8] >> (i % 8) & 1) == 1;
    }
    if (allOnes) {
      if (swdSelected) {
        ready = false;
      }
      lineReset = true;
    } else if (bits == 16 && lineReset && (data[0] & 0xFF) == 0x9E && (data[1] & 0xFF) == 0xE7) {
      swdSelected = true;
      lineReset = false;
    }
  }

  /** One SWD transfer: returns {ack, value}. */
  int[] transfer(int request, int value) {
    boolean ap = (request & 1) != 0;
    boolean read = (request & 2) != 0;
    int register = request & 0xC;
    if (!swdSelected || !lineReset && !ready) {
      return new int[] {NO_ACK, 0};
    }
    if (!ap) {
      return dp(read, register, value);
    }
    if (!ready || stickyErr) {
      return new int[] {FAULT, 0};
    }
    try {
      return new int[] {OK, ap(read, (select & 0xF0) | register, value)};
    } catch (BusFault e) {
      stickyErr = true;
      return new int[] {FAULT, 0};
    }
  }

  private int[] dp(boolean read, int register, int value) {
    if (read && register == 0x0) {
      ready = true;
      lineReset = false;
      return new int[] {OK, DPIDR_VALUE};
    }
    if (!ready) {
      return new int[] {NO_ACK, 0};
    }
    switch (register) {
      case 0x0 -> {
        if ((value & 0x04) != 0) {
          stickyErr = false;
        }
      }
      case 0x4 -> {
        if (read) {
          int acks = (ctrlStat & (1 << 28)) << 1 | (ctrlStat & (1 << 30)) << 1;
          return new int[] {OK, ctrlStat | acks | (stickyErr ? 1 << 5 : 0)};
        }
        ctrlStat = value & 0x5000_0000;
      }
      case 0x8 -> select = value;
      default -> {
        return new int[] {OK, 0};
      }
    }
    return new int[] {OK, 0};
  }

  private int ap(boolean read, int register, int value) {
    if ((select >>> 24) != 0) {
      if (read) {
        return 0;
      }
      return 0;
    }
    switch (register) {
      case 0x00 -> {
        if (!read) {
          csw = (csw & 0x40) | (value & ~0x40);
        }
        return csw;
      }
      case 0x04 -> {
        if (!read) {
          tar = value & 0xFFFF_FFFFL;
        }
        return (int) tar;
      }
      case 0x0C -> {
        return drw(read, value);
      }
      case 0xFC -> {
        return AHB_AP_IDR;
      }
      default -> {
        return 0;
      }
    }
  }

  private int drw(boolean read, int value) {
    int size = switch (csw & 7) {
      case 0 -> 1;
      case 1 -> 2;
      case 2 -> 4;
      default -> throw new BusFault(tar, "CSW size " + (csw & 7) + " is not supported");
    };
    int lane = 8 * (int) (tar & 3);
    int result = 0;
    if (read) {
      result = chip.bus().access(tar, size) << lane;
    } else {
      int mask = size == 4 ? -1 : (1 << (8 * size)) - 1;
      chip.bus().access(tar, size, (value >>> lane) & mask);
    }
    if ((csw & 0x30) == 0x10) {
      tar = (tar & ~0x3FFL) | ((tar + size) & 0x3FF);
    }
    return result;
  }
}
