package org.romflash.swd.sim;

import java.util.Arrays;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;

/**
 * The option bytes of a simulated F2/F4/F7, so that programming them through FLASH_OPTCR can be
 * tested and its effects seen. OPTCR (and OPTCR1 on dual-bank F4 and on F7) hold what software
 * wrote; OPTSTRT programs them into the option bytes, which then take effect: read protection
 * other than level 0 bars the debugger from the flash, and a cleared nWRPi bit write-protects
 * sector i of its bank (RM0033 and RM0090 "Modifying user option bytes", "Read protection (RDP)",
 * "Write protections"; RM0385 and RM0410 likewise). A reset reloads the registers from the option
 * bytes. Rules:
 *
 * <ul>
 *   <li>OPTKEYR takes 0x08192A3B then 0x4C5D6E7F to clear OPTLOCK; a wrong key is a bus fault
 *       and keeps OPTLOCK set until reset (RM0090 "Unlocking the option control register").
 *   <li>OPTCR ignores writes while OPTLOCK is set; writing OPTLOCK sets it.
 *   <li>OPTSTRT with RDP 0xAA while level 1 is programmed mass-erases the flash first (RM0090
 *       "Read protection (RDP)": going from level 1 to 0 erases the flash).
 *   <li>At level 2 the option bytes can no longer be changed: OPTCR keeps its value (how the chip
 *       refuses is this model's choice).
 * </ul>
 *
 * <p>The option area reads as the device entry lays it out: OPTCR[15:0] at +0 (OPTLOCK and
 * OPTSTRT read as 1), OPTCR[31:16] at +8, and on F7 OPTCR1[15:0] at +0x10 and OPTCR1[31:16] at
 * +0x18 (RM0090 and RM0385 option byte organization); the rest reads as 0xFF. Silicon also keeps
 * complements there, which this model leaves out.
 */
final class SectorOptionBytes {
  static final int OPTLOCK = 1;
  static final int OPTSTRT = 1 << 1;


  private final FlashArray array;
  private final MemoryRegion region;
  private final boolean f7;
  private final int writable;
  private final int writable1;
  private final KeyedLock keys = KeyedLock.optionControl();
  private int optcr;
  private int optcr1;
  private int stored;
  private int stored1;

  SectorOptionBytes(Device device, FlashArray array) {
    this.array = array;
    this.region = device.optionBytes();
    this.f7 = device.family().equals("STM32F7");
    boolean dualBank = array.layout().bankCount() == 2;
    boolean twelveSectors = array.layout().units().stream().filter(u -> u.bank() == 1).count() > 8;
    if (f7) {
      writable = twelveSectors ? 0xFFFF_FFFC : 0xC0FF_FFFC;
      stored = twelveSectors ? 0xFFFF_AAFC : 0xC0FF_AAFC;
      writable1 = 0xFFFF_FFFF;
      stored1 = 0x0040_0080;
    } else {
      writable = dualBank ? 0xCFFF_FFFC : 0x0FFF_FFEC;
      stored = 0x0FFF_AAEC;
      writable1 = dualBank ? 0x0FFF_0000 : 0;
      stored1 = writable1;
    }
    reset();
    protectSectors();
  }

  MemoryRegion region() {
    return region;
  }

  int optcr() {
    return optcr | (keys.unlocked() ? 0 : OPTLOCK);
  }

  int optcr1() {
    return optcr1;
  }

  void key(long busAddress, int value) {
    keys.write(busAddress, value);
  }

  /** A write to OPTCR; true when it asks for OPTSTRT. */
  boolean writeOptcr(int value) {
    if (!keys.unlocked()) {
      return false;
    }
    if (level(stored) < 2) {
      optcr = value & writable;
    }
    if ((value & OPTLOCK) != 0) {
      keys.lock();
      return false;
    }
    return (value & OPTSTRT) != 0;
  }

  void writeOptcr1(int value) {
    if (keys.unlocked() && level(stored) < 2) {
      optcr1 = value & writable1;
    }
  }

  /** OPTSTRT: the registers become the option bytes, erasing the flash on a level 1 to 0 change. */
  void start() {
    if (level(stored) == 1 && level(optcr) == 0) {
      array.eraseAll();
    }
    stored = optcr;
    stored1 = optcr1;
    protectSectors();
  }

  boolean readProtected() {
    return level(stored) > 0;
  }

  int read(long address, int size) {
    byte[] view = new byte[Math.toIntExact(region.size())];
    Arrays.fill(view, (byte) 0xFF);
    Bytes.put(view, 0, 2, stored | OPTLOCK | OPTSTRT);
    Bytes.put(view, 8, 2, stored >>> 16);
    if (f7) {
      Bytes.put(view, 0x10, 2, stored1);
      Bytes.put(view, 0x18, 2, stored1 >>> 16);
    }
    return Bytes.get(view, Math.toIntExact(address - region.start()), size);
  }

  /** A system reset: OPTLOCK sets and the registers reload from the option bytes. */
  void reset() {
    keys.reset();
    optcr = stored;
    optcr1 = stored1;
  }

  private void protectSectors() {
    for (int bank = 1; bank <= array.layout().bankCount(); bank++) {
      int b = bank;
      int nwrp = (bank == 1 ? stored : stored1) >>> 16;
      List<EraseUnit> sectors = array.layout().units().stream().filter(u -> u.bank() == b).toList();
      for (int i = 0; i < sectors.size(); i++) {
        array.setWriteProtected(sectors.get(i).number(), i < 12 && (nwrp >>> i & 1) == 0);
      }
    }
  }

  private static int level(int register) {
    int rdp = register >>> 8 & 0xFF;
    return rdp == 0xAA ? 0 : rdp == 0xCC ? 2 : 1;
  }
}
