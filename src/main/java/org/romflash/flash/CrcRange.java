package org.romflash.flash;

/**
 * One range the RAM CRC routine checksums: whole 32-bit words at a 4-aligned address in the
 * chip's 32-bit address space, as the routine (and the CRC unit behind Get Checksum, AN3155 3.13)
 * reads them. Exists so that {@link CrcRoutine} never has to handle a range the routine cannot.
 */
public record CrcRange(long address, long length) {
  private static final long ADDRESS_SPACE = 1L << 32;

  /** Refuses an address that is not 4-aligned and a length that is not a positive multiple of 4. */
  public CrcRange {
    if (address < 0 || address % 4 != 0) {
      throw new IllegalArgumentException(String.format(
          "CRC range must start at a 4-aligned address, not 0x%X", address));
    }
    if (length <= 0 || length % 4 != 0) {
      throw new IllegalArgumentException(
          "CRC range length must be a positive multiple of 4, not " + length);
    }
    if (address + length > ADDRESS_SPACE) {
      throw new IllegalArgumentException(String.format(
          "CRC range 0x%X + %d runs past the 32-bit address space", address, length));
    }
  }

  /** The address just past the range. */
  public long end() {
    return address + length;
  }
}
