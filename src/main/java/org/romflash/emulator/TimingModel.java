package org.romflash.emulator;

import java.time.Duration;

/**
 * How slow the emulated chip and its link are. {@link #instant()} charges nothing (fast tests);
 * {@link #realistic} charges every byte in both directions at 11 bits per byte (8E1 framing), a
 * turnaround latency before each reply (USB-serial adapters hold bytes 1 to 16 ms), and the
 * device's datasheet programming and erase times.
 *
 * @param baud bits per second on the wire, or 0 for no pacing
 * @param latency delay before each reply reaches the host
 * @param flashTimes whether programming and erasing take the device's datasheet times
 * @param resetTime how long the chip is deaf after it resets itself
 */
public record TimingModel(int baud, Duration latency, boolean flashTimes, Duration resetTime) {

  public static TimingModel instant() {
    return new TimingModel(0, Duration.ZERO, false, Duration.ZERO);
  }

  public static TimingModel realistic(int baud, Duration latency) {
    return new TimingModel(baud, latency, true, Duration.ofMillis(5));
  }

  /** Wire time of {@code bytes} bytes. */
  Duration wireTime(int bytes) {
    return baud == 0 ? Duration.ZERO : Duration.ofNanos(11L * 1_000_000_000L * bytes / baud);
  }
}
