package org.romflash.factory;

import java.util.ArrayList;
import java.util.List;
import org.romflash.flash.Crc32Stm32;
import org.romflash.flash.CrcRange;
import org.romflash.flash.FlashPlan;
import org.romflash.flash.FlashTarget;
import org.romflash.flash.VerifyFailedException;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;
import org.romflash.flash.Verifier;
import org.romflash.image.Segment;

/**
 * The CRC of each region a run wrote, for the journal. Where the chip can compute CRCs cheaply
 * (Get Checksum, or the RAM routine for larger images) they are the chip's own answers, asked
 * after the write; otherwise the verify compared every byte read back, and the CRC is computed
 * over those (equal) bytes. The journal says which.
 */
final class RegionCrcs {
  private RegionCrcs() {}

  /** The CRCs, and where they came from: {@code chip}, {@code readback} or {@code unverified}. */
  record Found(List<UnitRecord.RegionCrc> regions, String source) {}

  /** @throws VerifyFailedException when the chip's CRC of a region is not the image's */
  static Found of(FlashTarget target, FlashPlan plan) {
    List<Segment> ranges = Verifier.rangesOf(plan.writes());
    long total = ranges.stream().mapToLong(Segment::length).sum();
    boolean aligned = ranges.stream().allMatch(r -> r.address() % 4 == 0 && r.length() % 4 == 0);
    List<UnitRecord.RegionCrc> regions = new ArrayList<>();
    if (plan.verify() != VerifyMode.NONE && aligned && total > 0
        && target.checksumPaysFor(total)) {
      int[] chip = target.checksums(ranges.stream()
          .map(r -> new CrcRange(r.address(), r.length())).toList());
      for (int i = 0; i < ranges.size(); i++) {
        Segment r = ranges.get(i);
        int expected = Crc32Stm32.of(r.data());
        if (chip[i] != expected) {
          throw new VerifyFailedException(new VerifyResult.Mismatch(VerifyMode.CRC, r.address(),
              expected & 0xFFFFFFFFL, chip[i] & 0xFFFFFFFFL));
        }
        regions.add(new UnitRecord.RegionCrc(r.address(), r.length(), chip[i]));
      }
      return new Found(regions, "chip");
    }
    ranges.forEach(r -> regions.add(new UnitRecord.RegionCrc(r.address(), r.length(),
        Crc32Stm32.of(r.data()))));
    return new Found(regions, plan.verify() == VerifyMode.NONE ? "unverified" : "readback");
  }
}
