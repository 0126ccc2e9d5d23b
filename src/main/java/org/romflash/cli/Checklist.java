package org.romflash.cli;

import java.util.List;

/**
 * What to check when the bootloader does not answer 0x7F, most likely cause first. Printed by
 * {@code romflash doctor}; the facts are from AN2606 (boot modes, bootloader USARTs) and AN3155
 * (autobaud).
 */
final class Checklist {
  private Checklist() {}

  static final List<String> NO_ANSWER = List.of(
      "BOOT0 high while the chip comes out of reset (and BOOT1 low on parts that have it, such as"
          + " F1, F2 and F4). Some parts (G0, G4, L4+, C0 and others) have option bits (nSWBOOT0 or"
          + " nBOOT_SEL, nBOOT0, nBOOT1) that can make the chip ignore the BOOT0 pin.",
      "Reset after setting BOOT0: it is only sampled at reset. The bootloader also measures the"
          + " baud rate from the first 0x7F after reset, so reset before each attempt.",
      "The bootloader's USART: USART1 on PA9 (TX) and PA10 (RX) on most parts; some parts listen on"
          + " other USARTs or pins as well (AN2606 lists them per device). ST-LINK virtual COM ports"
          + " on Nucleo boards are usually wired to another USART.",
      "TX and RX crossed: the adapter's TX to the chip's RX (PA10), the adapter's RX to the chip's"
          + " TX (PA9).",
      "A common ground between the adapter and the board.",
      "3.3 V logic levels: not RS-232 (+/-12 V), and a 5 V adapter may not read the chip's 3.3 V"
          + " output.",
      "Handshake off: romflash opens the port with flow control off and DTR and RTS released, but"
          + " an adapter whose DTR or RTS is wired to NRST or BOOT0 can still hold the chip in"
          + " reset.",
      "No other program holding the port (a terminal, ModemManager, another romflash): it takes"
          + " the bootloader's answers.",
      "Baud accuracy: autobaud tolerates only a few percent of error; try a lower --baud if the"
          + " adapter or the chip's clock is off.",
      "Read protection level 2 switches the bootloader off for good: such a chip never answers.");
}
