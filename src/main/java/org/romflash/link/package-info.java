/**
 * Moving bytes to and from a bootloader: a serial port, a raw TCP serial server, or an in-memory pair.
 *
 * <p>{@link org.romflash.link.Link} is the whole contract the protocol layer relies on: write bytes,
 * read exactly {@code n} bytes before a deadline or fail, drop pending input, drive DTR/RTS and send
 * BREAK. {@link org.romflash.link.SerialLink} is the only class in the code base that touches
 * jSerialComm; it turns that library's {@code -1}/{@code false} returns into {@link
 * org.romflash.link.LinkException}s naming the port, and enumerates the ports behind {@link
 * org.romflash.link.SerialPorts} as {@link org.romflash.link.PortInfo} records. {@link
 * org.romflash.link.PortHolders} finds the processes that hold a port, from {@code /proc} on Linux.
 *
 * <p>{@link org.romflash.link.LineSequence} scripts DTR/RTS/BREAK for boards whose adapter drives
 * BOOT0 and NRST: {@link org.romflash.link.LineSequenceParser} reads stm32flash's {@code -i}
 * grammar, {@link org.romflash.link.BootWiring} builds the usual entry and exit sequences from
 * which line is wired to which pin, and {@link org.romflash.link.EntryExit} holds the pair.
 */
package org.romflash.link;
