package org.romflash.swd.gdb;

import java.util.ArrayList;
import java.util.List;
import org.romflash.device.EraseUnit;

/** Erase units joined into runs of adjacent ones, so each run is one vFlashErase. */
final class UnitRuns {
  private UnitRuns() {}

  /** Units sorted and joined into {start, end} runs of adjacent ones. */
  static List<long[]> of(List<EraseUnit> units) {
    List<EraseUnit> sorted = new ArrayList<>(units);
    sorted.sort(java.util.Comparator.comparingLong(EraseUnit::address));
    List<long[]> runs = new ArrayList<>();
    for (EraseUnit unit : sorted) {
      if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == unit.address()) {
        runs.get(runs.size() - 1)[1] = unit.end();
      } else {
        runs.add(new long[] {unit.address(), unit.end()});
      }
    }
    return runs;
  }
}
