package org.romflash.cli;

import java.io.PrintWriter;

/** The help text of {@code romflash stm32flash}, in romflash's words. */
final class Stm32flashHelp {
  private Stm32flashHelp() {}

  private static final String[] LINES = {
    "Usage: romflash stm32flash [OPTIONS] DEVICE",
    "Runs an stm32flash 0.7 command line with romflash. DEVICE is a serial port, tcp://HOST:PORT",
    "or sim:NAME. Options may be clustered (-vR) and take their value attached (-b115200) or",
    "as the next argument.",
    "",
    "One action at most:",
    "  -r FILE        read memory into FILE as raw binary (- for standard output)",
    "  -w FILE        write FILE: Intel HEX, S-record or ELF when its content says so, else raw",
    "                 binary (- for standard input); erases the pages the data touches",
    "  -o             erase only (all of the flash, or what -S, -s, -e name)",
    "  -C             print the STM32 CRC-32 of the range",
    "  -u             remove write protection (the chip resets)",
    "  -j             set read-out protection (the chip resets)",
    "  -k             remove read-out protection: ERASES ALL OF THE FLASH (the chip resets)",
    "  (none)         identify the chip",
    "Where:",
    "  -S ADDR[:LEN]  start address, and the length of the range (0 means the start of flash)",
    "  -s PAGE        start at this page (or sector)",
    "  -e COUNT       erase COUNT pages from the start page before writing (0: erase nothing);",
    "                 the data must lie within them",
    "Afterwards:",
    "  -g ADDR        start the program whose vector table is at ADDR (0: start of flash)",
    "  -R             reset the chip through a small program run from RAM",
    "Connection:",
    "  -b BAUD        baud rate (default 57600)",
    "  -m MODE        8e1 (default), 8n1 (pseudo-terminals) or 8o1",
    "  -n COUNT       extra tries per transfer (default 10)",
    "  -F RX[:TX]     longest frames the link carries (default 256:256; at least 20:6)",
    "  -c             the bootloader is already synchronised: send no 0x7F first",
    "  -i SEQ[:SEQ]   drive RTS/DTR/BREAK to enter the bootloader (and leave it after success):",
    "                 rts, dtr, brk, '-' for low, ',' waits 100 ms, '&' does not wait",
    "Other:",
    "  -v             verify what -w wrote",
    "  -f             read the -w file as raw binary whatever it holds",
    "  -h             this help",
    "Not supported: host GPIO numbers in -i, and -a (I2C); they are refused, not ignored.",
    "",
    "Unlike stm32flash 0.7: unknown options are refused; -e and -s are honoured with -w; data that",
    "does not fit the range is refused instead of cut short; gaps in a HEX file are left alone",
    "(neither erased nor written); a malformed HEX file is refused instead of written as binary.",
    "Exit codes are romflash's (see romflash --help)."
  };

  static void print(PrintWriter out) {
    for (String line : LINES) {
      out.println(line);
    }
    out.flush();
  }
}
