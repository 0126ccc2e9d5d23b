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

  /** What a run did. */
  /**
   * What a run did.
   *
   * @param unitsMatching units left alone because the chip's CRC showed they already held their
   *     content
   */
  public record Report(int unitsErased, boolean massErased, long bytesWritten,
      VerifyResult verify, Duration eraseTime, Duration writeTime, Duration verifyTime,
      int unitsMatching) {}

  /**
   * Runs the plan. Returns only when the chip holds the image (or verification was turned off).
   *
   * @throws VerifyFailedException when the chip's content differs after writing
   */
  public Report execute(FlashPlan full) {
    long t0 = System.nanoTime();
    List<EraseUnit> matching = !full.massErase() && !full.eraseUnits().isEmpty()
        && target.offersChecksum() ? MatchingUnits.of(target, full) : List.of();
    FlashPlan plan = full.without(matching);
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
    VerifyResult result = Verifier.verify(target, Verifier.rangesOf(plan.writes()), plan.verify(),
        progress);
    long t3 = System.nanoTime();
    if (result instanceof VerifyResult.Mismatch mismatch) {
      throw new VerifyFailedException(mismatch);
    }
    return new Report(plan.eraseUnits().size(), plan.massErase(), plan.bytesToWrite(), result,
        Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2),
        matching.size());
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
