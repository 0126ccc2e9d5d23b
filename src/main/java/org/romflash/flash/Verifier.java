package org.romflash.flash;

import org.romflash.image.Segment;
import java.util.ArrayList;
import java.util.List;

/** Compares ranges of a chip with the bytes expected there, by CRC or by reading back. */
public final class Verifier {
  private static final int READ_CHUNK = 256;

  private Verifier() {}

  /** Joins adjacent write blocks into ranges. */
  public static List<Segment> rangesOf(List<Segment> blocks) {
    List<Segment> ranges = new ArrayList<>();
    java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
    long start = -1;
    long end = -1;
    for (Segment b : blocks) {
      if (start >= 0 && b.address() != end) {
        ranges.add(new Segment(start, run.toByteArray()));
        run.reset();
        start = -1;
      }
      if (start < 0) {
        start = b.address();
      }
      run.writeBytes(b.data());
      end = b.address() + b.length();
    }
    if (start >= 0) {
      ranges.add(new Segment(start, run.toByteArray()));
    }
    return ranges;
  }

  /**
   * Verifies every range with {@code mode}; stops at the first mismatch. With CRC, the chip
   * computes the CRCs of all aligned ranges at once; when it cannot after all ({@link
   * ChecksumUnavailableException}), everything is read back.
   */
  public static VerifyResult verify(FlashTarget target, List<Segment> ranges, VerifyMode mode,
      Progress progress) {
    if (mode == VerifyMode.NONE) {
      return new VerifyResult.Skipped();
    }
    long total = ranges.stream().mapToLong(Segment::length).sum();
    boolean crc = mode == VerifyMode.CRC ? target.offersChecksum()
        : mode == VerifyMode.AUTO && target.checksumPaysFor(total);
    progress.start(Progress.Phase.VERIFY, total);
    try {
      VerifyResult ownCheck = mode == VerifyMode.READBACK ? null : byTarget(target, ranges, progress);
      if (ownCheck != null) {
        return ownCheck;
      }
      List<Segment> toRead = ranges;
      if (crc) {
        List<Segment> aligned = ranges.stream().filter(Verifier::aligned).toList();
        try {
          VerifyResult result = byCrc(target, aligned, progress);
          if (result instanceof VerifyResult.Mismatch) {
            return result;
          }
          toRead = ranges.stream().filter(r -> !aligned(r)).toList();
        } catch (ChecksumUnavailableException e) {
          crc = false;
        }
      }
      for (Segment range : toRead) {
        VerifyResult result = byReading(target, range, progress);
        if (result instanceof VerifyResult.Mismatch) {
          return result;
        }
      }
    } finally {
      progress.finish();
    }
    return new VerifyResult.Match(crc ? VerifyMode.CRC : VerifyMode.READBACK, total);
  }

  /**
   * The chip's STM32 CRC of {@code length} bytes (a multiple of 4) at {@code address} (4-aligned):
   * computed by the chip (Get Checksum, or the RAM routine when the range is large enough for it
   * to pay) when it can, else read back and computed here, with the read-back reported to {@code
   * progress}.
   */
  public static int chipCrc(FlashTarget target, long address, long length, Progress progress) {
    if (target.checksumPaysFor(length)) {
      try {
        return target.checksum(address, length);
      } catch (ChecksumUnavailableException e) {
        // Read back below.
      }
    }
    progress.start(Progress.Phase.VERIFY, length);
    try {
      int crc = Crc32Stm32.INITIAL;
      for (long at = address; at < address + length; at += READ_CHUNK) {
        int n = (int) Math.min(READ_CHUNK, address + length - at);
        crc = Crc32Stm32.update(crc, target.read(at, n), 0, n);
        progress.advance(n);
      }
      return crc;
    } finally {
      progress.finish();
    }
  }

  /**
   * The target's own comparison of every range ({@link FlashTarget#compareWithoutReading}), a
   * mismatch then located by reading back; null when the target has none.
   */
  private static VerifyResult byTarget(FlashTarget target, List<Segment> ranges,
      Progress progress) {
    long total = 0;
    for (Segment range : ranges) {
      java.util.Optional<VerifyResult> result = target.compareWithoutReading(range.address(),
          range.data());
      if (result.isEmpty()) {
        return null;
      }
      if (result.get() instanceof VerifyResult.Mismatch mismatch) {
        return locate(target, range, mismatch);
      }
      progress.advance(range.length());
      total += range.length();
    }
    return ranges.isEmpty() ? null : new VerifyResult.Match(VerifyMode.CRC, total);
  }

  private static boolean aligned(Segment range) {
    return range.address() % 4 == 0 && range.length() % 4 == 0;
  }

  private static VerifyResult byCrc(FlashTarget target, List<Segment> ranges, Progress progress) {
    if (ranges.isEmpty()) {
      return new VerifyResult.Match(VerifyMode.CRC, 0);
    }
    int[] actual = target.checksums(ranges.stream()
        .map(r -> new CrcRange(r.address(), r.length())).toList());
    for (int i = 0; i < ranges.size(); i++) {
      Segment range = ranges.get(i);
      int expected = Crc32Stm32.of(range.data());
      if (expected != actual[i]) {
        return locate(target, range, new VerifyResult.Mismatch(VerifyMode.CRC, range.address(),
            expected & 0xFFFFFFFFL, actual[i] & 0xFFFFFFFFL));
      }
      progress.advance(range.length());
    }
    return new VerifyResult.Match(VerifyMode.CRC, 0);
  }

  /**
   * The first differing byte of a range whose CRC differs, read back (a cost paid only on failure,
   * for a message that names the byte); the CRC mismatch itself if the bytes read back agree.
   */
  private static VerifyResult locate(FlashTarget target, Segment range,
      VerifyResult.Mismatch crc) {
    try {
      VerifyResult read = byReading(target, range, Progress.none());
      return read instanceof VerifyResult.Mismatch ? read : crc;
    } catch (RuntimeException e) {
      return crc;
    }
  }

  private static VerifyResult byReading(FlashTarget target, Segment range, Progress progress) {
    byte[] expected = range.data();
    for (int offset = 0; offset < expected.length; offset += READ_CHUNK) {
      int length = Math.min(READ_CHUNK, expected.length - offset);
      byte[] actual = target.read(range.address() + offset, length);
      for (int i = 0; i < length; i++) {
        if (actual[i] != expected[offset + i]) {
          return new VerifyResult.Mismatch(VerifyMode.READBACK, range.address() + offset + i,
              expected[offset + i] & 0xFF, actual[i] & 0xFF);
        }
      }
      progress.advance(length);
    }
    return new VerifyResult.Match(VerifyMode.READBACK, expected.length);
  }
}
