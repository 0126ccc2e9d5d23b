package org.romflash.protocol;

import java.time.Duration;

/**
 * How long each stage of each command may take before the client gives up. AN3155 gives no numbers,
 * so each default is the wire time of the bytes involved (11 bits per byte with 8E1 framing) plus the
 * worst case the STM32 datasheets give for the flash work behind it.
 *
 * @param reply an ordinary ACK or short reply: the bootloader answers within microseconds, this
 *     covers USB-serial adapters that hold bytes for up to 16 ms and slow host schedulers
 * @param sync each 0x7F attempt; the autobaud reply follows at once on a chip in bootloader mode
 * @param syncAttempts how many 0x7F bytes to try before concluding the chip is not answering
 * @param byteTime the wire time of one byte at the link's baud rate
 * @param writeBlock programming of up to 256 bytes after the data frame's ACK is due: 256 bytes as
 *     128 half-words at the F1's worst 70 us each is 9 ms; H7 flash words take longer; 1 s leaves room
 * @param eraseBase fixed part of any erase
 * @param erasePerKiB worst-case erase time per KiB of flash: F4 128 KiB sectors take up to 4 s at
 *     x8 parallelism and longer at lower supply voltage, so 40 ms per KiB
 * @param resetRecovery how long to keep polling with 0x7F for the chip to come back after it reset
 *     itself (Write/Readout Protect/Unprotect)
 */
public record Timeouts(
    Duration reply,
    Duration sync,
    int syncAttempts,
    Duration byteTime,
    Duration writeBlock,
    Duration eraseBase,
    Duration erasePerKiB,
    Duration resetRecovery) {

  /** Defaults for a link running at {@code baud}. */
  public static Timeouts forBaud(int baud) {
    long byteNanos = 11L * 1_000_000_000L / baud;
    return new Timeouts(
        Duration.ofMillis(1000),
        Duration.ofMillis(300),
        4,
        Duration.ofNanos(byteNanos),
        Duration.ofMillis(1000),
        Duration.ofSeconds(2),
        Duration.ofMillis(40),
        Duration.ofSeconds(10));
  }

  /** Reply timeout for a reply of {@code bytes} bytes: the fixed part plus their wire time. */
  public Duration replyOf(int bytes) {
    return reply.plus(byteTime.multipliedBy(bytes));
  }

  /** How long an erase of {@code bytes} bytes of flash may take before its ACK. */
  public Duration eraseOf(long bytes) {
    long kib = Math.max(1, (bytes + 1023) / 1024);
    return eraseBase.plus(erasePerKiB.multipliedBy(kib));
  }

  /** A copy with a different ordinary reply timeout (tests use short ones). */
  public Timeouts withReply(Duration newReply) {
    return new Timeouts(newReply, sync, syncAttempts, byteTime, writeBlock, eraseBase, erasePerKiB,
        resetRecovery);
  }
}
