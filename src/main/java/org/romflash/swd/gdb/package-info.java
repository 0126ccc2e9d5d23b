/**
 * The GDB remote serial protocol: packet framing, a client for probes and servers that speak it
 * (Black Magic Probe, OpenOCD, pyOCD, probe-rs, st-util) with the flash memory map and vFlash
 * commands, and a server that puts our simulated target behind the same protocol.
 */
package org.romflash.swd.gdb;
