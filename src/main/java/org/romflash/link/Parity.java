package org.romflash.link;

/** Serial parity. The STM32 USART bootloader expects {@link #EVEN} (8E1, AN3155 section 1). */
public enum Parity {
  NONE,
  EVEN,
  ODD
}
