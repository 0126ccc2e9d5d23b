package org.romflash.device;

/**
 * A named field of the option bytes, such as RDP or nBOOT0, so that {@code info} can show it and
 * option-byte commands can change it by name.
 *
 * @param name the reference manual's name for the field
 * @param address the byte address where the little-endian word holding the field starts
 * @param highBit the field's most significant bit in that word (0-31)
 * @param lowBit the field's least significant bit in that word
 */
public record OptionField(String name, long address, int highBit, int lowBit) {

  public OptionField {
    if (lowBit < 0 || highBit > 31 || highBit < lowBit) {
      throw new IllegalArgumentException(name + ": bits [" + highBit + ":" + lowBit
          + "] are not inside a 32-bit word");
    }
  }

  /** The field's width in bits. */
  public int width() {
    return highBit - lowBit + 1;
  }

  /** The bytes from {@code address} that hold the field. */
  public MemoryRegion span() {
    return new MemoryRegion(address, highBit / 8 + 1);
  }

  /** The field's value in {@code word}, the little-endian value read at {@link #address()}. */
  public long valueIn(long word) {
    return (word >>> lowBit) & ((1L << width()) - 1);
  }

  /** "0x1FFFF800[7:0]", the notation of the device files. */
  public String location() {
    String bits = highBit == lowBit ? "" + lowBit : highBit + ":" + lowBit;
    return String.format("0x%08X[%s]", address, bits);
  }

  /** "RDP 0x1FFFF800[7:0]". */
  @Override
  public String toString() {
    return name + " " + location();
  }
}
