package org.romflash.device;

/** Behaviours of particular devices that change how they must be programmed. */
public enum Quirk {
  /** The bootloader has no mass erase; erase page by page. */
  NO_MASS_ERASE,
  /** On an empty chip the bootloader starts regardless of BOOT0; after programming it does not. */
  EMPTY_CHECK_BOOT,
  /** BOOT0 pin is ignored once the flash is programmed unless the boot-selection option says so. */
  BOOT0_IGNORED_AFTER_FIRST_PROGRAM,
  /** Read Memory of the unique ID must start on a 256-byte boundary. */
  UID_READ_ALIGNED_256,
  /** Two banks that can be swapped at boot. */
  DUAL_BANK_BOOT
}
