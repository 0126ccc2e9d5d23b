/**
 * The STM32 USART bootloader protocol of ST application note AN3155, and nothing else.
 *
 * <p>{@link org.romflash.protocol.BootloaderClient} speaks it over a {@link org.romflash.link.Link}:
 * one method per command, every frame checksummed as AN3155 gives it, every reply checked. Failures
 * are {@link org.romflash.protocol.BootloaderException}s that carry the command, the stage it
 * failed at, the address involved and the byte received; turning them into advice is the CLI's
 * job. {@link org.romflash.protocol.BootloaderClient#probe} sends a single autobaud 0x7F and names
 * what came back as a {@link org.romflash.protocol.SyncAnswer} (ACK, NACK, echo, garbage, silence),
 * for diagnosing a line. Nothing in this package prints.
 */
package org.romflash.protocol;
