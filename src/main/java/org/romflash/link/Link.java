package org.romflash.link;

import java.time.Duration;

/**
 * A byte pipe to a bootloader, with the few line controls a serial port offers.
 *
 * <p>Reads are all-or-nothing: {@link #read(byte[], int, int, Duration)} either fills the requested
 * bytes before the timeout has passed or throws {@link LinkTimeoutException}, which says how many bytes
 * did arrive. The timeout covers the whole read, not each byte: a bootloader that trickles bytes
 * slower than expected is as late as one that says nothing.
 */
public interface Link extends AutoCloseable {

  /** A human-readable name of the other end, such as {@code /dev/ttyUSB0} or {@code sim:F103xB}. */
  String name();

  /** Sends {@code length} bytes of {@code data} starting at {@code offset}. */
  void write(byte[] data, int offset, int length);

  /** Sends all of {@code data}. */
  default void write(byte... data) {
    write(data, 0, data.length);
  }

  /**
   * Reads exactly {@code length} bytes into {@code buffer} at {@code offset}.
   *
   * @throws LinkTimeoutException when fewer bytes than asked for arrived within {@code timeout}
   */
  void read(byte[] buffer, int offset, int length, Duration timeout);

  /** Reads exactly {@code length} bytes and returns them. */
  default byte[] read(int length, Duration timeout) {
    byte[] buffer = new byte[length];
    read(buffer, 0, length, timeout);
    return buffer;
  }

  /** Reads one byte and returns it as 0..255. */
  default int readByte(Duration timeout) {
    byte[] one = new byte[1];
    read(one, 0, 1, timeout);
    return one[0] & 0xFF;
  }

  /**
   * How many received bytes can be read without waiting, or -1 when the link cannot tell. The
   * emulator uses it to model the chip's one-byte receive register without blocking.
   */
  default int available() {
    return -1;
  }

  /** Throws away every byte that has arrived and not been read yet. */
  void drain();

  /** Drives DTR. On links without control lines this is recorded and otherwise ignored. */
  void setDtr(boolean asserted);

  /** Drives RTS. On links without control lines this is recorded and otherwise ignored. */
  void setRts(boolean asserted);

  /** Holds the line in the BREAK condition for {@code length}. */
  void sendBreak(Duration length);

  /** Releases the port. Safe to call more than once. */
  @Override
  void close();
}
