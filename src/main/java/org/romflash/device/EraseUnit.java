package org.romflash.device;

/**
 * The smallest piece of flash one erase touches: a page or a sector.
 *
 * @param number the number the bootloader's Erase/Extended Erase commands use for it
 * @param address its first address
 * @param size its size in bytes
 * @param bank the flash bank it belongs to, from 1
 */
public record EraseUnit(int number, long address, long size, int bank) {

  public long end() {
    return address + size;
  }

  public boolean overlaps(long start, long length) {
    return start < end() && start + length > address;
  }
}
