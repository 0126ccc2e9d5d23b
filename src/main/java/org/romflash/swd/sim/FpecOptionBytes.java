package org.romflash.swd.sim;

import java.util.Arrays;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;
import org.romflash.device.OptionBytes;
import org.romflash.device.OptionImage;

/**
 * The option bytes of a simulated F0/F1/F3, so that option programming through the FPEC can be
 * tested and its effects seen: the stored area (each byte followed by its complement, RM0091 4,
 * PM0075 2.5, RM0316 5), what the option byte loader made of it (FLASH_OBR, FLASH_WRPR), and the
 * OPTWRE key lock. The area starts as the factory left it. Rules:
 *
 * <ul>
 *   <li>OPTKEYR takes the flash keys; a wrong key is a bus fault and keeps OPTWRE clear until
 *       reset (the {@link KeyedLock} rules). OPTWRE clears when FLASH_CR is written without it.
 *   <li>Erasing (OPTER, STRT) sets every byte to 0xFF; without OPTWRE, or while level 2 is loaded
 *       (RM0365 4.3.1 table 8: option bytes cannot be erased at level 2), nothing is erased and
 *       WRPRTERR is set (the flag is this model's choice).
 *   <li>Programming takes one 16-bit write per option byte; the low byte is stored and the hardware
 *       stores its complement. A half-word that is not erased is PGERR (PM0075 "Option byte
 *       programming" for the F1; assumed on F0/F3 too).
 *   <li>Programming RDP with the open value (0xA5 on F1, 0xAA on F0/F3) while level 1 is loaded
 *       mass-erases the flash first (PM0075 2.4.1 "Read protection disable"; RM0365 4.3.1).
 *   <li>Loading (OBL_LAUNCH on F0/F3, a system reset on F1/F3): a byte whose complement does not
 *       match is OPTERR and loads as 0xFF, except the erased pair 0xFF/0xFF (RM0091 4). Level 1
 *       or 2 then bars the debugger from the flash; each WRP bit write-protects 4 KB, the last
 *       one everything above (PM0075 2.5 WRP bytes; RM0091 4.1).
 * </ul>
 */
final class FpecOptionBytes {
  static final int WRP_GRANULE = 4096;

  private final OptionBytes layout;
  private final MemoryRegion region;
  private final FlashArray array;
  private final boolean f1;
  private final byte[] stored;
  private final KeyedLock keys = new KeyedLock();
  private int level;
  private int obr;
  private int wrpr;

  FpecOptionBytes(Device device, FlashArray array) {
    this.layout = device.options();
    this.region = device.optionBytes();
    this.array = array;
    this.f1 = device.family().equals("STM32F1");
    this.stored = OptionImage.factory(layout).bytes();
    load();
  }

  MemoryRegion region() {
    return region;
  }

  int read(long address, int size) {
    return Bytes.get(stored, offset(address), size);
  }

  void key(long busAddress, int value) {
    keys.write(busAddress, value);
  }

  boolean writeEnabled() {
    return keys.unlocked();
  }

  void disableWrite() {
    keys.lock();
  }

  /** A system reset: OPTWRE clears and the keys work again. */
  void resetKeys() {
    keys.reset();
  }

  /** OPTER with STRT; returns the flag to show once BSY clears. */
  int erase() {
    if (!writeEnabled() || level == 2) {
      return FpecBankModel.WRPRTERR;
    }
    Arrays.fill(stored, (byte) 0xFF);
    return FpecBankModel.EOP;
  }

  /** A write to the area with OPTPG set; returns the flag to show once BSY clears. */
  int program(long address, int size, int value) {
    if (!writeEnabled()) {
      throw new BusFault(address, "option byte written while OPTWRE is clear in FLASH_CR");
    }
    if (size != 2) {
      throw new BusFault(address, size * 8 + "-bit write to the option bytes: they take"
          + " half-words only");
    }
    int at = offset(address);
    if (Bytes.get(stored, at, 2) != 0xFFFF) {
      return FpecBankModel.PGERR;
    }
    int data = value & 0xFF;
    if (at == 0 && data == layout.rdpOpen() && level > 0) {
      array.eraseAll();
    }
    Bytes.put(stored, at, 2, data | (~data & 0xFF) << 8);
    return FpecBankModel.EOP;
  }

  /** The option byte loader: FLASH_OBR and FLASH_WRPR from the stored area, and their effects. */
  void load() {
    boolean error = false;
    int[] loaded = new int[8];
    Arrays.fill(loaded, 0xFF);
    for (int i = 0; i < stored.length / 2; i++) {
      int value = stored[2 * i] & 0xFF;
      int complement = stored[2 * i + 1] & 0xFF;
      boolean erased = value == 0xFF && complement == 0xFF;
      if (value != (~complement & 0xFF) && !erased) {
        error = true;
        value = 0xFF;
      }
      loaded[i] = value;
    }
    level = layout.rdpLevel(loaded[0]);
    wrpr = loaded[4] | loaded[5] << 8 | loaded[6] << 16 | loaded[7] << 24;
    obr = (error ? 1 : 0) | rdprt(level) << 1 | (f1
        ? loaded[1] << 2 | loaded[2] << 10 | loaded[3] << 18
        : loaded[1] << 8 | loaded[2] << 16 | loaded[3] << 24);
    for (EraseUnit unit : array.layout().units()) {
      int bit = (int) Math.min((unit.address() - array.base()) / WRP_GRANULE, 31);
      array.setWriteProtected(unit.number(), (wrpr >>> bit & 1) == 0);
    }
  }

  /** Whether the loaded level (1 or 2) forbids the debugger to read the flash. */
  boolean readProtected() {
    return level > 0;
  }

  int obr() {
    return obr;
  }

  int wrpr() {
    return wrpr;
  }

  /** FLASH_OBR's RDPRT: one bit on F1 (PM0075), two on F0/F3 (01 level 1, 11 level 2, RM0091). */
  private int rdprt(int level) {
    if (f1) {
      return level > 0 ? 1 : 0;
    }
    return level == 2 ? 3 : level;
  }

  private int offset(long address) {
    return Math.toIntExact(address - region.start());
  }
}
