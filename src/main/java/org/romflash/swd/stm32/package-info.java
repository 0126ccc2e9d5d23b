/**
 * STM32 flash drivers: each flash-controller generation programmed by its registers through a
 * {@link org.romflash.swd.DebugMemory} (unlock keys, PG/PER/SER bits, status flags decoded by name,
 * busy polling bounded by the device's datasheet timings). {@link
 * org.romflash.swd.stm32.FlashDrivers} picks the driver for a device entry.
 */
package org.romflash.swd.stm32;
