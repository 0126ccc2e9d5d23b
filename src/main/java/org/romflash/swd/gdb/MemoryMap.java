package org.romflash.swd.gdb;

import java.util.List;
import java.util.Optional;

/**
 * A GDB memory map (GDB manual, "Memory Map Format"): the regions a server declares, which tell a
 * client where flash is and in which blocks it must be erased. Flash regions carry their erase
 * block size; RAM and ROM regions have none (0).
 */
record MemoryMap(List<Region> regions) {

  /** What a region is, as the map's {@code type} attribute names it. */
  enum Type {
    RAM, ROM, FLASH
  }

  /** One {@code <memory>} element. */
  record Region(Type type, long start, long length, long blockSize) {
    Region {
      if (type == Type.FLASH && blockSize <= 0) {
        throw new IllegalArgumentException(String.format(
            "flash region at 0x%x has no blocksize property", start));
      }
    }

    long end() {
      return start + length;
    }

    boolean contains(long address) {
      return address >= start && address < end();
    }
  }

  MemoryMap {
    regions = List.copyOf(regions);
  }

  /** The flash region holding {@code address}. */
  Optional<Region> flashAt(long address) {
    return regions.stream().filter(r -> r.type() == Type.FLASH && r.contains(address))
        .findFirst();
  }

  List<Region> flash() {
    return regions.stream().filter(r -> r.type() == Type.FLASH).toList();
  }

  boolean hasFlash() {
    return !flash().isEmpty();
  }

  /**
   * {@code [start, end)} widened to whole erase blocks of the flash regions it touches; empty when
   * some of it is not flash.
   */
  Optional<long[]> blockAligned(long start, long end) {
    Optional<Region> first = flashAt(start);
    Optional<Region> last = flashAt(end - 1);
    if (first.isEmpty() || last.isEmpty()) {
      return Optional.empty();
    }
    for (long at = first.get().end(); at < end; ) {
      Optional<Region> next = flashAt(at);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      at = next.get().end();
    }
    Region a = first.get();
    Region b = last.get();
    long alignedStart = a.start() + (start - a.start()) / a.blockSize() * a.blockSize();
    long alignedEnd = b.start() + (end - b.start() + b.blockSize() - 1) / b.blockSize()
        * b.blockSize();
    return Optional.of(new long[] {alignedStart, Math.min(alignedEnd, b.end())});
  }
}
