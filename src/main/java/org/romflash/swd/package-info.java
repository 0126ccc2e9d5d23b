/**
 * The second path to a chip's flash: a debug probe over SWD, behind the same {@link
 * org.romflash.flash.FlashTarget} as the ROM bootloader. {@link org.romflash.swd.DebugMemory} is the
 * target's memory as a debugger sees it and {@link org.romflash.swd.CoreControl} its core (halt,
 * reset); both are offered by ADIv5 over CMSIS-DAP ({@code swd.adi}, {@code swd.dap}) and by GDB
 * remote-protocol servers ({@code swd.gdb}). The STM32 flash drivers ({@code swd.stm32}) program
 * the flash controllers through them, and {@code swd.sim} simulates probe, core and controllers so
 * all of it is tested without hardware. Nothing here needs USB libraries unless a USB probe is
 * opened.
 */
package org.romflash.swd;
