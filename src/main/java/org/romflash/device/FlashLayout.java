package org.romflash.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user flash of a device as its erase units: uniform pages (F1, G0, L4) or sector tables of
 * different sizes (F2/F4/F7), in one or two banks (H7).
 */
public final class FlashLayout {
  private final long base;
  private final List<EraseUnit> units;

  public FlashLayout(long base, List<EraseUnit> units) {
    this.base = base;
    this.units = List.copyOf(units);
  }

  /**
   * Builds a layout from runs of equal units, bank by bank.
   *
   * @param base the first flash address
   * @param banks for each bank, its runs as {count, size} pairs; banks follow each other in memory
   *     unless {@code bankBases} says otherwise
   * @param bankBases the first address of each bank, or an empty list for contiguous banks
   */
  public static FlashLayout of(long base, List<List<long[]>> banks, List<Long> bankBases) {
    List<EraseUnit> units = new ArrayList<>();
    long address = base;
    int number = 0;
    for (int bank = 0; bank < banks.size(); bank++) {
      if (!bankBases.isEmpty()) {
        address = bankBases.get(bank);
      }
      for (long[] run : banks.get(bank)) {
        for (long i = 0; i < run[0]; i++) {
          units.add(new EraseUnit(number++, address, run[1], bank + 1));
          address += run[1];
        }
      }
    }
    return new FlashLayout(base, units);
  }

  public long base() {
    return base;
  }

  public List<EraseUnit> units() {
    return units;
  }

  /** Total bytes of flash. */
  public long size() {
    return units.stream().mapToLong(EraseUnit::size).sum();
  }

  public int bankCount() {
    return units.isEmpty() ? 0 : units.get(units.size() - 1).bank();
  }

  /** Whether every unit has the same size. */
  public boolean uniform() {
    return units.stream().mapToLong(EraseUnit::size).distinct().count() <= 1;
  }

  public Optional<EraseUnit> unitAt(long address) {
    return units.stream().filter(u -> address >= u.address() && address < u.end()).findFirst();
  }

  public Optional<EraseUnit> unit(int number) {
    return units.stream().filter(u -> u.number() == number).findFirst();
  }

  /** The units that {@code [start, start + length)} touches, in address order. */
  public List<EraseUnit> unitsCovering(long start, long length) {
    return units.stream().filter(u -> u.overlaps(start, length)).toList();
  }

  /**
   * The layout of a smaller part under the same entry, as its flash-size register reports it: each
   * bank keeps its first {@code bytes / banks} bytes (parts with less flash have smaller banks at the
   * same bank addresses). Units keep their numbers. Returns this layout when {@code bytes} is not
   * smaller.
   */
  public FlashLayout limitedTo(long bytes) {
    if (bytes >= size()) {
      return this;
    }
    long perBank = bytes / bankCount();
    List<EraseUnit> kept = new ArrayList<>();
    long inBank = 0;
    int bank = 0;
    for (EraseUnit unit : units) {
      if (unit.bank() != bank) {
        bank = unit.bank();
        inBank = 0;
      }
      if (inBank + unit.size() <= perBank) {
        kept.add(unit);
      }
      inBank += unit.size();
    }
    return new FlashLayout(base, kept);
  }

  /** Whether every byte of the range is flash. */
  public boolean contains(long start, long length) {
    long covered = 0;
    for (EraseUnit unit : unitsCovering(start, length)) {
      covered += Math.min(unit.end(), start + length) - Math.max(unit.address(), start);
    }
    return covered == length;
  }
}
