package org.romflash.swd.gdb;

import java.time.Duration;

/**
 * How long a GDB server gets to answer, by kind of packet. The server does the slow work itself
 * (its probe talks SWD to the chip), so these are whole-packet times, not per-byte ones.
 *
 * @param reply an ordinary packet: memory, registers, queries, acknowledgments. 2 s: a probe on
 *     USB answers in milliseconds, a Black Magic Probe on its serial port in tens of them.
 * @param halt the stop reply after an interrupt (0x03): 2 s, halting is immediate on Cortex-M.
 * @param monitor a monitor command (reset): 5 s, a reset with the boot ROM and a halt takes well
 *     under one.
 * @param erasePer32K vFlashErase, per 32 KiB erased, on top of {@code reply}: 1 s. The slowest
 *     STM32 erase is the F4's 128 KiB sector, 2 s typical and 4 s maximum at x8 parallelism
 *     (DS8626, flash characteristics), which is 1 s per 32 KiB.
 * @param flashDone vFlashDone, when servers that buffer writes program them: 60 s (a full 2 MiB
 *     image at the F4's 16-bit x16 programming rate takes tens of seconds behind a slow probe).
 */
public record RspTimeouts(Duration reply, Duration halt, Duration monitor, Duration erasePer32K,
    Duration flashDone) {

  /** The defaults above. */
  public static final RspTimeouts DEFAULT = new RspTimeouts(Duration.ofSeconds(2),
      Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60));

  /** The time a vFlashErase of {@code bytes} gets. */
  public Duration erase(long bytes) {
    long units = Math.max(1, (bytes + 32767) / 32768);
    return reply.plus(erasePer32K.multipliedBy(units));
  }
}
