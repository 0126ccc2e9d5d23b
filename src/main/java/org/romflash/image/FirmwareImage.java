package org.romflash.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * A firmware image: sorted, non-overlapping segments at real addresses, adjacent ones merged, and
 * the start address the file named (if any). Immutable.
 */
public final class FirmwareImage {
  private final List<Segment> segments;
  private final Long startAddress;

  private FirmwareImage(List<Segment> segments, Long startAddress) {
    this.segments = List.copyOf(segments);
    this.startAddress = startAddress;
  }

  /** An image of one segment. */
  public static FirmwareImage of(long address, byte[] data) {
    return builder().add(address, data).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Segment> segments() {
    return segments;
  }

  public boolean isEmpty() {
    return segments.isEmpty();
  }

  /** Bytes of data, gaps not counted. */
  public long size() {
    return segments.stream().mapToLong(Segment::length).sum();
  }

  public long lowestAddress() {
    return segments.get(0).address();
  }

  /** The first address past the last segment. */
  public long endAddress() {
    return segments.get(segments.size() - 1).end();
  }

  /** The entry point from a start-address record, if the file had one. */
  public OptionalLong startAddress() {
    return startAddress == null ? OptionalLong.empty() : OptionalLong.of(startAddress);
  }

  /**
   * The image's bytes in {@code [from, from + length)}, with {@code fill} where it has none, and
   * whether it has any byte there at all.
   */
  public boolean copyRange(long from, byte[] into, int fill) {
    java.util.Arrays.fill(into, (byte) fill);
    boolean any = false;
    for (Segment segment : segments) {
      if (segment.address() < from + into.length && segment.end() > from) {
        segment.copyInto(from, into);
        any = true;
      }
    }
    return any;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FirmwareImage that && segments.equals(that.segments)
        && java.util.Objects.equals(startAddress, that.startAddress);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  @Override
  public String toString() {
    return "FirmwareImage" + segments;
  }

  /** Collects segments in any order; refuses overlaps. */
  public static final class Builder {
    private final List<Segment> parts = new ArrayList<>();
    private Long startAddress;

    public Builder add(long address, byte[] data) {
      if (data.length > 0) {
        parts.add(new Segment(address, data));
      }
      return this;
    }

    public Builder startAddress(long address) {
      this.startAddress = address;
      return this;
    }

    /** @throws OverlapException when two pieces claim the same address */
    public FirmwareImage build() {
      List<Segment> sorted = new ArrayList<>(parts);
      sorted.sort(Comparator.comparingLong(Segment::address));
      List<Segment> merged = new ArrayList<>();
      java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
      long runStart = -1;
      long runEnd = -1;
      for (Segment s : sorted) {
        if (runStart >= 0 && s.address() < runEnd) {
          throw new OverlapException(s.address(), Math.min(runEnd, s.end()));
        }
        if (runStart >= 0 && s.address() == runEnd) {
          run.writeBytes(s.data());
        } else {
          if (runStart >= 0) {
            merged.add(new Segment(runStart, run.toByteArray()));
          }
          run.reset();
          run.writeBytes(s.data());
          runStart = s.address();
        }
        runEnd = s.end();
      }
      if (runStart >= 0) {
        merged.add(new Segment(runStart, run.toByteArray()));
      }
      return new FirmwareImage(merged, startAddress);
    }
  }

  /** Two pieces of an image claim the same bytes. */
  public static final class OverlapException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long from;
    private final long to;

    OverlapException(long from, long to) {
      super(String.format("data overlaps at 0x%08X-0x%08X", from, to - 1));
      this.from = from;
      this.to = to;
    }

    public long from() {
      return from;
    }

    public long to() {
      return to;
    }
  }
}
