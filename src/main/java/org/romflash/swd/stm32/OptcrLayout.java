package org.romflash.swd.stm32;

import java.util.Arrays;
import org.romflash.device.Device;

/**
 * Where the F2/F4/F7 option bytes sit in FLASH_OPTCR and FLASH_OPTCR1, and where in the device
 * entry's image of the option area. The area is a memory view of those registers (RM0033 and RM0090
 * "Option bytes description", RM0385 and RM0410 likewise): OPTCR[15:0] (USER and BOR_LEV in 7:2,
 * RDP in 15:8) at +0, OPTCR[31:16] (nWRP and the bits above it) at +8, and on the F7 OPTCR1's
 * BOOT_ADD0 at +0x10 and BOOT_ADD1 at +0x18. The chip's memory view is not read (with read
 * protection it cannot be, and its other bytes are not documented): images are built from the
 * registers, with the bytes outside those half-words and OPTCR's OPTLOCK and OPTSTRT bits shown
 * as 1, like erased flash.
 *
 * <p>Programming takes from the image only the option bits romflash changes, and keeps the rest
 * of the register as the chip has it: BOR_LEV, USER (bits 7:5; 7:4 on F7), RDP, nWRP (12 bits;
 * 8 on F7 parts with 8 sectors), on dual-bank F4 also BFB2 (4) and DB1M (30), on F7 also
 * IWDG_STDBY (30) and IWDG_STOP (31) and all of OPTCR1. Kept: reserved bits, SPRMOD (31 on F42x,
 * which turns nWRP into read protection of code), nDBANK and nDBOOT (29, 28 on F76x, which would
 * change the flash layout). Dual-bank F4's OPTCR1 (bank 2's nWRP) is not in the area's image
 * (it is at 0x1FFEC008) and is kept too.
 */
final class OptcrLayout {
  static final int OPTLOCK = 1;
  static final int OPTSTRT = 1 << 1;
  private static final int OPTCR_HIGH = 8;
  private static final int BOOT_ADD0 = 0x10;
  private static final int BOOT_ADD1 = 0x18;

  private final int size;
  private final boolean optcr1InImage;
  private final int mask;

  private OptcrLayout(int size, boolean optcr1InImage, int mask) {
    this.size = size;
    this.optcr1InImage = optcr1InImage;
    this.mask = mask;
  }

  /** @throws IllegalArgumentException when the device's option area is too small to hold OPTCR */
  static OptcrLayout of(Device device) {
    int size = Math.toIntExact(device.optionBytes().size());
    boolean f7 = device.family().equals("STM32F7");
    if (size < (f7 ? BOOT_ADD1 + 2 : OPTCR_HIGH + 2)) {
      throw new IllegalArgumentException(device.name() + ": an option area of " + size
          + " bytes cannot hold FLASH_OPTCR" + (f7 ? " and OPTCR1" : ""));
    }
    long sectors = device.flash().units().stream().filter(u -> u.bank() == 1).count();
    int mask;
    if (f7) {
      mask = sectors > 8 ? 0xCFFF_FFFC : 0xC0FF_FFFC;
    } else {
      mask = device.flash().bankCount() == 2 ? 0x4FFF_FFFC : 0x0FFF_FFEC;
    }
    return new OptcrLayout(size, f7, mask);
  }

  /** Whether the image holds OPTCR1 (F7 boot addresses), so programming writes it. */
  boolean optcr1InImage() {
    return optcr1InImage;
  }

  /** The OPTCR bits {@link #optcr} takes from an image. */
  int mask() {
    return mask;
  }

  /** The image of registers that read {@code optcr} and {@code optcr1}. */
  byte[] image(int optcr, int optcr1) {
    byte[] image = new byte[size];
    Arrays.fill(image, (byte) 0xFF);
    put(image, 0, optcr | OPTLOCK | OPTSTRT);
    put(image, OPTCR_HIGH, optcr >>> 16);
    if (optcr1InImage) {
      put(image, BOOT_ADD0, optcr1);
      put(image, BOOT_ADD1, optcr1 >>> 16);
    }
    return image;
  }

  /** OPTCR for {@code image}, from a register that reads {@code current}; OPTLOCK and OPTSTRT 0. */
  int optcr(byte[] image, int current) {
    int wanted = half(image, 0) | half(image, OPTCR_HIGH) << 16;
    return (current & ~mask | wanted & mask) & ~(OPTLOCK | OPTSTRT);
  }

  /** OPTCR1 for {@code image} (only where {@link #optcr1InImage()}). */
  int optcr1(byte[] image) {
    return half(image, BOOT_ADD0) | half(image, BOOT_ADD1) << 16;
  }

  private static int half(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
  }

  private static void put(byte[] bytes, int at, int value) {
    bytes[at] = (byte) value;
    bytes[at + 1] = (byte) (value >>> 8);
  }
}
