package org.romflash.device;

/** What the flash controller does when a location that is not erased is programmed again. */
public enum RewritePolicy {
  /** A programming error (F1 PGERR; ECC families G0/L4/H7 PROGERR): the bootloader answers NACK. */
  FORBIDDEN,
  /** The new value is ANDed into the old one, clearing bits (F2/F4/F7 byte programming). */
  BIT_CLEAR
}
