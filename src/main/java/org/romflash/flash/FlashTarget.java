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

  /** The STM32 CRC (see {@link Crc32Stm32}) of {@code length} bytes at {@code address}. */
  int checksum(long address, long length);

  /** Starts the code at {@code address}; the target stops answering. */
  void go(long address);
}
