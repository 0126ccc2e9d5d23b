/**
 * Programming as a plan and its execution, for a chip whose entry {@link
 * org.romflash.flash.ChipIdentity} has picked (bootloader ID, flash-size register). {@link org.romflash.flash.FlashPlan} is a pure value
 * computed from an image, a device and options: which units to erase, which aligned blocks to
 * write, what to verify. {@link org.romflash.flash.Flasher} carries a plan out against any {@link
 * org.romflash.flash.FlashTarget} (the ROM bootloader today, a debug probe later), reporting
 * progress, and succeeds only when the chip's content has been verified.
 */
package org.romflash.flash;
