package org.romflash.swd;

/**
 * The target's memory as a debugger sees it, at the access size the hardware needs: flash
 * controllers care (STM32F1 flash takes only 16-bit writes, H7 needs whole 32-byte flash words
 * written in order). Addresses are 32-bit; values are the low bits of an int, little-endian in
 * memory.
 *
 * @throws DebugAccessException (from every method) when the access faults or the link fails
 */
public interface DebugMemory {

  int read32(long address);

  void write32(long address, int value);

  /** Reads the 16-bit half-word at an even address. */
  int read16(long address);

  /** Writes the low 16 bits of {@code value} at an even address, as one 16-bit access. */
  void write16(long address, int value);

  int read8(long address);

  void write8(long address, int value);

  /**
   * Reads {@code length} bytes from {@code address}; aligned words are read as 32-bit accesses
   * (in blocks where the link allows), the ragged ends byte by byte.
   */
  byte[] read(long address, int length);

  /**
   * Writes {@code data} at {@code address} with accesses of {@code accessBytes} (1, 2 or 4) each,
   * in ascending address order; address and length must be multiples of it.
   */
  void write(long address, byte[] data, int accessBytes);
}
