/**
 * An emulated STM32 with its ROM bootloader: chip state (flash, RAM, option bytes, read and write
 * protection), the AN3155 target state machine, a timing model and seeded fault injection.
 *
 * <p>It is a real fake, strict like silicon: it checks every checksum and complement, NACKs what a
 * chip NACKs and returns to waiting for a command afterwards, takes only the first 0x7F after reset
 * as the autobaud byte, resets itself after the protection commands, and refuses writes to
 * non-erased flash on families whose flash controller does. It serves any {@link
 * org.romflash.link.Link}: an in-memory pair, a pseudo-terminal, or a TCP connection.
 */
package org.romflash.emulator;
