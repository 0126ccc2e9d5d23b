package org.romflash.flash;

/** What to erase before writing. */
public enum EraseMode {
  /** Only the pages or sectors the image touches. */
  TOUCHED,
  /** The whole flash. */
  MASS,
  /** Nothing; the flash is known to be erased. */
  NONE
}
