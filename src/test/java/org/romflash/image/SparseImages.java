package org.romflash.image;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random images for the round-trip properties: one to five pieces with random gaps (none, small,
 * over a 64 KiB boundary, megabytes), starting anywhere in the 32-bit space, with or without a
 * start address.
 */
final class SparseImages {
  private SparseImages() {}

  /** Sparse images whose start address, when present, is in {@code [lowestStart, 0xFFFFFFFF]}. */
  static Arbitrary<FirmwareImage> any(long lowestStart) {
    Arbitrary<Long> gap = Arbitraries.oneOf(List.of(Arbitraries.longs().between(0, 0x40),
        Arbitraries.longs().between(0, 0x20000), Arbitraries.longs().between(0, 0x0200_0000)));
    Arbitrary<Long> first = Arbitraries.oneOf(List.of(Arbitraries.longs().between(0xFF00, 0x10100),
        Arbitraries.longs().between(0, 0xF000_0000L)));
    Arbitrary<List<Piece>> pieces = Combinators.combine(gap, data()).as(Piece::new).list()
        .ofMinSize(1).ofMaxSize(5);
    Arbitrary<Optional<Long>> entry = Arbitraries.longs().between(lowestStart, 0xFFFF_FFFFL)
        .optional();
    return Combinators.combine(first, pieces, entry).as((start, parts, go) -> {
      FirmwareImage.Builder builder = FirmwareImage.builder();
      long address = start;
      for (Piece p : parts) {
        address += p.gap();
        builder.add(address, p.data());
        address += p.data().length;
      }
      go.ifPresent(builder::startAddress);
      return builder.build();
    });
  }

  /** Images of one run of bytes and no start address: what a binary file can hold. */
  static Arbitrary<FirmwareImage> contiguous() {
    return Combinators.combine(Arbitraries.longs().between(0, 0xF000_0000L), data())
        .as(FirmwareImage::of);
  }

  private static Arbitrary<byte[]> data() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
  }

  private record Piece(long gap, byte[] data) {}
}
