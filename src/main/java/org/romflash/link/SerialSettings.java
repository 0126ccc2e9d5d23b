package org.romflash.link;

import java.time.Duration;

/**
 * Every parameter a serial port is opened with. Nothing is left to what the previous program set:
 * 8 data bits, 1 stop bit, no flow control of any kind, DTR and RTS at the given idle levels.
 *
 * @param baud bits per second; the STM32 bootloader detects it from the first 0x7F (AN3155 section 2)
 * @param parity {@link Parity#EVEN} for a real bootloader; ptys cannot carry parity
 * @param dtrIdle the level DTR is driven to at open and before close
 * @param rtsIdle the level RTS is driven to at open and before close
 * @param settle how long to wait after opening before draining stale input
 */
public record SerialSettings(
    int baud, Parity parity, boolean dtrIdle, boolean rtsIdle, Duration settle) {

  public static final int DEFAULT_BAUD = 115_200;

  public SerialSettings {
    if (baud < 300 || baud > 4_000_000) {
      throw new IllegalArgumentException("baud rate " + baud + " is outside 300..4000000");
    }
  }

  /** 115200 baud, 8E1, DTR and RTS released (deasserted), 20 ms settle time. */
  public static SerialSettings defaults() {
    return new SerialSettings(DEFAULT_BAUD, Parity.EVEN, false, false, Duration.ofMillis(20));
  }

  public SerialSettings withBaud(int newBaud) {
    return new SerialSettings(newBaud, parity, dtrIdle, rtsIdle, settle);
  }

  public SerialSettings withParity(Parity newParity) {
    return new SerialSettings(baud, newParity, dtrIdle, rtsIdle, settle);
  }
}
