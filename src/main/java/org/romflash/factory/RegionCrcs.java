package org.romflash.factory;

import java.util.ArrayList;
import java.util.List;
import org.romflash.flash.Crc32Stm32;
import org.romflash.flash.FlashPlan;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;
import org.romflash.flash.Verifier;
import org.romflash.image.Segment;

/**
 * The CRC of each region a run wrote, for the journal, from what the verify already established:
 * it passed only if the chip held these bytes, so each region's CRC is the image's, confirmed
 * either by the chip's own CRC (Get Checksum or the RAM routine, and the per-unit check before
 * writing) or by reading every byte back. The journal says which; nothing is asked of the chip
 * twice.
 */
final class RegionCrcs {
  private RegionCrcs() {}

  /**
   * The CRCs, and how the chip confirmed them: {@code chip}, {@code readback} or {@code
   * unverified}.
   */
  record Found(List<UnitRecord.RegionCrc> regions, String source) {}

  static Found of(FlashPlan plan, VerifyResult verify) {
    List<UnitRecord.RegionCrc> regions = new ArrayList<>();
    for (Segment r : Verifier.rangesOf(plan.writes())) {
      regions.add(new UnitRecord.RegionCrc(r.address(), r.length(), Crc32Stm32.of(r.data())));
    }
    String source = verify instanceof VerifyResult.Match m
        ? m.method() == VerifyMode.CRC ? "chip" : "readback" : "unverified";
    return new Found(regions, source);
  }
}
