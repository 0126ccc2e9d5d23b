package org.romflash.flash;

import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;

/** What any path to a chip's flash offers: the ROM bootloader over UART, or a debug probe. */
public interface FlashTarget {

  /** The device entry the chip was identified as. */
  Device device();

  /** Reads {@code length} bytes from {@code address}, in as many transfers as needed. */
  byte[] read(long address, int length);

  /** Writes one block of at most {@link #writeBlockSize()} bytes at an aligned address. */
  void write(long address, byte[] block);

  /** Largest block {@link #write} accepts. */
  int writeBlockSize();

  /** Erases these pages or sectors. */
  void erase(List<EraseUnit> units);

  /** Erases the whole user flash. */
  void massErase();

  /** Whether {@link #checksum} is available (Get Checksum listed, or a probe that computes it). */
  boolean offersChecksum();

  /**
   * Whether having the chip compute CRCs over {@code bytes} costs less than reading them back
   * (always, when a CRC costs a few bytes on the wire; above a threshold when code must first be
   * uploaded to compute it).
   */
  default boolean checksumPaysFor(long bytes) {
    return offersChecksum();
  }

  /** The STM32 CRC (see {@link Crc32Stm32}) of {@code length} bytes at {@code address}. */
  int checksum(long address, long length);

  /**
   * The STM32 CRCs of several ranges, in order: {@link #checksum} for each unless the target can
   * compute them all at once.
   *
   * @throws ChecksumUnavailableException when the chip cannot compute them after all (read back)
   */
  default int[] checksums(List<CrcRange> ranges) {
    int[] crcs = new int[ranges.size()];
    for (int i = 0; i < crcs.length; i++) {
      crcs[i] = checksum(ranges.get(i).address(), ranges.get(i).length());
    }
    return crcs;
  }

  /**
   * Compares {@code expected} with the chip at {@code address} without reading it back, by a
   * check the target itself offers (a GDB server's qCRC); empty when it offers none. A mismatch
   * need not name the first differing byte.
   */
  default java.util.Optional<VerifyResult> compareWithoutReading(long address, byte[] expected) {
    return java.util.Optional.empty();
  }

  /** Starts the code at {@code address}; the target stops answering. */
  void go(long address);
}
