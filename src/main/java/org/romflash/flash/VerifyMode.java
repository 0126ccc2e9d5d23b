package org.romflash.flash;

/** How to check what was written. */
public enum VerifyMode {
  /** CRC when the target offers it, otherwise read back. */
  AUTO,
  /** Compare the chip's CRC of each range with the expected one. */
  CRC,
  /** Read every written byte back and compare. */
  READBACK,
  /** Do not verify (the result is then reported as unverified). */
  NONE
}
