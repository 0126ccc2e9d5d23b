/**
 * ARM Debug Interface v5 over SWD and the Cortex-M debug registers: DP power-up and sticky-error
 * recovery, MEM-AP accesses with CSW caching and the 1 KiB auto-increment boundary, halt and
 * reset-and-halt through DHCSR, DEMCR and AIRCR.
 */
package org.romflash.swd.adi;
