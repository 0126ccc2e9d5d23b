package org.romflash.cli.stm32flash;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.romflash.link.Parity;

/**
 * One stm32flash 0.7 command line, understood: what to do, where, and how to reach the chip.
 * Scripts written for stm32flash keep their meaning; what stm32flash accepts and then ignores or
 * gets wrong (unknown options, {@code -e} or {@code -s} next to {@code -w}) is either honoured or
 * refused here, never dropped.
 *
 * @param device the one operand: a serial port, {@code tcp://HOST:PORT} or {@code sim:NAME}
 * @param action the main action; stm32flash allows one at a time
 * @param file the {@code -r} or {@code -w} file, {@code -} for standard output or input
 * @param baud {@code -b}, default 57600 as in stm32flash
 * @param parity from {@code -m} (8e1 by default)
 * @param verify {@code -v}
 * @param forceBinary {@code -f}: read the {@code -w} file as raw binary whatever its content
 * @param erasePages {@code -e N}: erase N pages (0: none) instead of those the data touches
 * @param startPage {@code -s}: the first page
 * @param startAddress {@code -S ADDRESS}
 * @param length {@code -S ADDRESS:LENGTH}
 * @param go {@code -g}: where to start the program afterwards (0: start of flash)
 * @param retries {@code -n}: extra tries per transfer (default 10)
 * @param rxFrame {@code -F}: the longest reply the link carries, in bytes
 * @param txFrame {@code -F RX:TX}: the longest frame the link carries to the chip
 * @param resume {@code -c}: the bootloader is already synchronised; send no 0x7F
 * @param reset {@code -R}: reset the chip at the end
 */
public record Stm32flashArguments(
    String device,
    Action action,
    Optional<String> file,
    int baud,
    Parity parity,
    boolean verify,
    boolean forceBinary,
    OptionalInt erasePages,
    OptionalInt startPage,
    OptionalLong startAddress,
    OptionalLong length,
    OptionalLong go,
    int retries,
    int rxFrame,
    int txFrame,
    boolean resume,
    boolean reset,
    Optional<String> gpio) {

  /** The baud rates stm32flash 0.7 accepts with {@code -b}. */
  public static final List<Integer> BAUD_RATES = List.of(1200, 1800, 2400, 4800, 9600, 14400,
      19200, 38400, 56000, 57600, 115200, 128000, 230400, 256000, 460800, 500000, 576000, 921600,
      1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000);

  /** The smallest {@code -F} frames stm32flash's transfers work with. */
  public static final int MIN_RX_FRAME = 20;
  public static final int MIN_TX_FRAME = 6;

  /**
   * Reads {@code args} as stm32flash 0.7 would.
   *
   * @return the arguments, or empty when {@code -h} asks for the help text
   * @throws Stm32flashUsageException naming the option at fault
   */
  public static Optional<Stm32flashArguments> parse(List<String> args) {
    return new ArgumentCollector().collect(args);
  }

  /** Bytes per Read Memory: at most 256 (AN3155 3.4), at most the {@code -F} RX frame. */
  public int readChunk() {
    return Math.min(256, rxFrame);
  }

  /**
   * Bytes per Write Memory: at most 256 (AN3155 3.6), and within the {@code -F} TX frame, which
   * also carries the count and checksum bytes; whole 32-bit words.
   */
  public int writeChunk() {
    return Math.min(256, txFrame - 2) & ~3;
  }

  /** Whether any of {@code -S}, {@code -s}, {@code -e} narrows where the action applies. */
  public boolean placed() {
    return startAddress.isPresent() || startPage.isPresent() || erasePages.isPresent();
  }
}
