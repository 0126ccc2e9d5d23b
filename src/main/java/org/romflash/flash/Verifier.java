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

  /** Verifies every range with {@code mode}; stops at the first mismatch. */
  public static VerifyResult verify(FlashTarget target, List<Segment> ranges, VerifyMode mode,
      Progress progress) {
    if (mode == VerifyMode.NONE) {
      return new VerifyResult.Skipped();
    }
    boolean crc = mode == VerifyMode.CRC || (mode == VerifyMode.AUTO && target.offersChecksum());
    long total = ranges.stream().mapToLong(Segment::length).sum();
    progress.start(Progress.Phase.VERIFY, total);
    try {
      for (Segment range : ranges) {
        VerifyResult result = crc && aligned(range) ? byCrc(target, range) : byReading(target, range,
            progress);
        if (result instanceof VerifyResult.Mismatch) {
          return result;
        }
        if (crc && aligned(range)) {
          progress.advance(range.length());
        }
      }
    } finally {
      progress.finish();
    }
    return new VerifyResult.Match(crc ? VerifyMode.CRC : VerifyMode.READBACK, total);
  }

  /**
   * The chip's STM32 CRC of {@code length} bytes (a multiple of 4) at {@code address} (4-aligned):
   * computed by the chip with Get Checksum when it offers it, else read back and computed here,
   * with the read-back reported to {@code progress}.
   */
  public static int chipCrc(FlashTarget target, long address, long length, Progress progress) {
    if (target.offersChecksum()) {
      return target.checksum(address, length);
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

  private static boolean aligned(Segment range) {
    return range.address() % 4 == 0 && range.length() % 4 == 0;
  }

  private static VerifyResult byCrc(FlashTarget target, Segment range) {
    int expected = Crc32Stm32.of(range.data());
    int actual = target.checksum(range.address(), range.length());
    return expected == actual ? new VerifyResult.Match(VerifyMode.CRC, range.length())
        : new VerifyResult.Mismatch(VerifyMode.CRC, range.address(), expected & 0xFFFFFFFFL,
            actual & 0xFFFFFFFFL);
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
