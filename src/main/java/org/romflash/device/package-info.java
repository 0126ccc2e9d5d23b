/**
 * What romflash knows about each STM32: product ID, memory map, flash layout, bootloader profile,
 * timings and quirks. The facts live in YAML files under {@code devices/} (bundled in the jar; users
 * add their own with {@code --devices DIR}); {@link org.romflash.device.DeviceDatabase} loads them.
 */
package org.romflash.device;
