package org.romflash.flash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.romflash.device.EraseUnit;
import org.romflash.image.Segment;

/**
 * Finds the erase units that already hold what a plan would put there, by comparing the chip's
 * CRC of each unit with the CRC of the unit as the plan leaves it (the image's bytes, the erased
 * value elsewhere). Re-flashing an image that changed in one page then erases and writes that page
 * only. Used only where the chip computes CRCs itself: reading units back would cost as much as
 * writing them.
 */
final class MatchingUnits {
  private MatchingUnits() {}

  static List<EraseUnit> of(FlashTarget target, FlashPlan plan) {
    List<EraseUnit> matching = new ArrayList<>();
    int erased = target.device().erasedValue();
    for (EraseUnit unit : plan.eraseUnits()) {
      if (!blocksStayInside(plan.writes(), unit)) {
        continue;
      }
      if (target.checksum(unit.address(), unit.size()) == Crc32Stm32.of(content(plan, unit,
          erased))) {
        matching.add(unit);
      }
    }
    return matching;
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
