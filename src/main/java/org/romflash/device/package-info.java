/**
 * What romflash knows about each STM32: product ID, memory map, flash layout, bootloader profile,
 * timings and quirks. The facts live in YAML files under {@code devices/} (bundled in the jar; users
 * add their own with {@code --devices DIR}); {@link org.romflash.device.DeviceDatabase} loads them
 * and {@link org.romflash.device.DeviceQuery} finds entries by name, product ID, family or part
 * number. One entry covers the parts of a product ID; a smaller part is the entry limited by
 * {@link org.romflash.device.Device#withFlashSize}.
 */
package org.romflash.device;
