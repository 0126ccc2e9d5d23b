package org.romflash.swd.sim;

import java.util.Arrays;
import java.util.BitSet;
import org.romflash.device.EraseUnit;
import org.romflash.device.FlashLayout;

/**
 * The simulated flash cells: bytes at the layout's addresses, erased to the erased value, plus
 * which erase units are write-protected. Flash-controller models decide what may be programmed;
 * this only holds the cells.
 */
public final class FlashArray {
  private final FlashLayout layout;
  private final int erased;
  private final byte[] cells;
  private final BitSet writeProtected = new BitSet();

  public FlashArray(FlashLayout layout, int erasedValue) {
    this.layout = layout;
    this.erased = erasedValue;
    this.cells = new byte[Math.toIntExact(layout.size())];
    Arrays.fill(cells, (byte) erasedValue);
  }

  public FlashLayout layout() {
    return layout;
  }

  public long base() {
    return layout.base();
  }

  public boolean contains(long address, long length) {
    return layout.contains(address, length);
  }

  public int get(long address, int size) {
    return Bytes.get(cells, offset(address), size);
  }

  /** Sets cells, whatever they held (the model checked first). */
  public void set(long address, int size, int value) {
    Bytes.put(cells, offset(address), size, value);
  }

  public byte[] read(long address, int length) {
    int at = offset(address);
    return Arrays.copyOfRange(cells, at, at + length);
  }

  /** Whether every byte in the range holds the erased value. */
  public boolean erased(long address, int length) {
    int at = offset(address);
    for (int i = at; i < at + length; i++) {
      if ((cells[i] & 0xFF) != erased) {
        return false;
      }
    }
    return true;
  }

  public void erase(EraseUnit unit) {
    int at = offset(unit.address());
    Arrays.fill(cells, at, at + Math.toIntExact(unit.size()), (byte) erased);
  }

  public void eraseAll() {
    Arrays.fill(cells, (byte) erased);
  }

  /** The unit holding {@code address}. */
  public EraseUnit unitAt(long address) {
    return layout.unitAt(address).orElseThrow(() -> new BusFault(address, "not in flash"));
  }

  public boolean writeProtected(EraseUnit unit) {
    return writeProtected.get(unit.number());
  }

  public void setWriteProtected(int unitNumber, boolean on) {
    writeProtected.set(unitNumber, on);
  }

  /** Loads an image as if programmed earlier (test set-up). */
  public void load(long address, byte[] data) {
    System.arraycopy(data, 0, cells, offset(address), data.length);
  }

  private int offset(long address) {
    if (!layout.contains(address, 1)) {
      throw new BusFault(address, "not in flash");
    }
    return Math.toIntExact(address - layout.base());
  }
}
