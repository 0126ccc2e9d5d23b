package org.romflash.flash;

import org.romflash.image.Segment;
import java.time.Duration;
import java.util.List;
import org.romflash.device.EraseUnit;

/** Carries out a {@link FlashPlan}: erase, write, verify, with progress. */
public final class Flasher {
  private final FlashTarget target;
  private final Progress progress;

  public Flasher(FlashTarget target, Progress progress) {
    this.target = target;
    this.progress = progress;
  }

  /**
   * What a run did.
   *
   * @param unitsMatching units left alone because the chip's CRC showed they already held their
   *     content
   * @param unitsBlank units written without an erase because the chip's CRC showed them blank
   */
  public record Report(int unitsErased, boolean massErased, long bytesWritten,
      VerifyResult verify, Duration eraseTime, Duration writeTime, Duration verifyTime,
      int unitsMatching, int unitsBlank) {}

  /**
   * Runs the plan. Returns only when the chip holds the image (or verification was turned off).
   *
   * @throws VerifyFailedException when the chip's content differs after writing
   */
  public Report execute(FlashPlan full) {
    long t0 = System.nanoTime();
    long unitBytes = full.eraseUnits().stream().mapToLong(EraseUnit::size).sum();
    MatchingUnits.Found found = !full.massErase() && !full.eraseUnits().isEmpty()
        && target.checksumPaysFor(unitBytes) ? MatchingUnits.of(target, full)
        : MatchingUnits.Found.NONE;
    FlashPlan plan = full.without(found.matching()).withoutErasing(found.blank());
    erase(plan);
    long t1 = System.nanoTime();
    progress.start(Progress.Phase.WRITE, plan.bytesToWrite());
    try {
      for (Segment block : plan.programs()) {
        target.write(block.address(), block.data());
        progress.advance(block.length());
      }
    } finally {
      progress.finish();
    }
    long t2 = System.nanoTime();
    VerifyResult result = verify(plan, found.matching());
    long t3 = System.nanoTime();
    if (result instanceof VerifyResult.Mismatch mismatch) {
      throw new VerifyFailedException(mismatch);
    }
    return new Report(plan.eraseUnits().size(), plan.massErase(), plan.bytesToWrite(), result,
        Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2),
        found.matching().size(), found.blank().size());
  }

  /**
   * Verifies what this run wrote. Units found matching by the chip's CRC just before were checked
   * then and not touched since, so they are counted as verified by CRC, not checked again.
   */
  private VerifyResult verify(FlashPlan plan, List<EraseUnit> matching) {
    List<Segment> written = plan.writes().stream()
        .filter(b -> matching.stream().noneMatch(u -> u.overlaps(b.address(), b.length())))
        .toList();
    long matched = plan.writes().stream().mapToLong(Segment::length).sum()
        - written.stream().mapToLong(Segment::length).sum();
    if (plan.verify() == VerifyMode.NONE || matched == 0) {
      return Verifier.verify(target, Verifier.rangesOf(written), plan.verify(), progress);
    }
    if (written.isEmpty()) {
      return new VerifyResult.Match(VerifyMode.CRC, matched);
    }
    VerifyResult result = Verifier.verify(target, Verifier.rangesOf(written), plan.verify(),
        progress);
    return result instanceof VerifyResult.Match match
        ? new VerifyResult.Match(match.method(), match.bytes() + matched) : result;
  }

  private void erase(FlashPlan plan) {
    if (plan.massErase()) {
      progress.start(Progress.Phase.ERASE, 1);
      target.massErase();
      progress.advance(1);
      progress.finish();
    } else if (!plan.eraseUnits().isEmpty()) {
      progress.start(Progress.Phase.ERASE, plan.eraseUnits().size());
      try {
        target.erase(plan.eraseUnits());
        progress.advance(plan.eraseUnits().size());
      } finally {
        progress.finish();
      }
    }
  }
}
