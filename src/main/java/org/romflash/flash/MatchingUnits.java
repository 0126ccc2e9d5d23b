package org.romflash.flash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.romflash.device.EraseUnit;
import org.romflash.image.Segment;

/**
 * Finds the erase units that need no erase, by comparing the chip's CRC of each unit (all units in
 * one request) with the CRC of the unit as the plan leaves it (the image's bytes, the erased value
 * elsewhere) and with the CRC of an erased unit. A unit that already holds its content is neither
 * erased nor written: re-flashing an image that changed in one page erases and writes that page
 * only. A unit that is already blank is written without the erase (a new chip, or one erased
 * before). Used only where the chip computes CRCs itself: reading units back would cost as much as
 * writing them.
 */
final class MatchingUnits {
  private MatchingUnits() {}

  /** Units that already hold their content, and units that are blank but need writing. */
  record Found(List<EraseUnit> matching, List<EraseUnit> blank) {
    static final Found NONE = new Found(List.of(), List.of());
  }

  static Found of(FlashTarget target, FlashPlan plan) {
    int erased = target.device().erasedValue();
    List<EraseUnit> units = plan.eraseUnits().stream()
        .filter(u -> blocksStayInside(plan.writes(), u)).toList();
    if (units.isEmpty()) {
      return Found.NONE;
    }
    int[] chip;
    try {
      chip = target.checksums(units.stream().map(u -> new CrcRange(u.address(), u.size()))
          .toList());
    } catch (ChecksumUnavailableException e) {
      return Found.NONE;
    }
    List<EraseUnit> matching = new ArrayList<>();
    List<EraseUnit> blank = new ArrayList<>();
    java.util.Map<Long, Integer> blankCrcs = new java.util.HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      EraseUnit unit = units.get(i);
      if (chip[i] == Crc32Stm32.of(content(plan, unit, erased))) {
        matching.add(unit);
      } else if (chip[i] == blankCrcs.computeIfAbsent(unit.size(),
          size -> erasedCrc(size, erased))) {
        blank.add(unit);
      }
    }
    return new Found(matching, blank);
  }

  private static int erasedCrc(long size, int erasedValue) {
    byte[] blank = new byte[(int) size];
    Arrays.fill(blank, (byte) erasedValue);
    return Crc32Stm32.of(blank);
  }

  /** Whether every block that touches the unit lies wholly inside it. */
  private static boolean blocksStayInside(List<Segment> blocks, EraseUnit unit) {
    return blocks.stream().filter(b -> unit.overlaps(b.address(), b.length()))
        .allMatch(b -> b.address() >= unit.address() && b.end() <= unit.end());
  }

  /** The unit as the plan leaves it. */
  static byte[] content(FlashPlan plan, EraseUnit unit, int erasedValue) {
    byte[] content = new byte[(int) unit.size()];
    Arrays.fill(content, (byte) erasedValue);
    for (Segment block : plan.writes()) {
      if (unit.overlaps(block.address(), block.length())) {
        System.arraycopy(block.data(), 0, content, (int) (block.address() - unit.address()),
            block.length());
      }
    }
    return content;
  }
}
