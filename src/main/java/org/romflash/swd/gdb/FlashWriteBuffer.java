package org.romflash.swd.gdb;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.romflash.flash.FlashTarget;

/**
 * The vFlashWrite data {@link GdbRspServer} holds until vFlashDone, as the manual allows ("the
 * stub is permitted to delay or batch the effects of a group of vFlashErase and vFlashWrite
 * packets until a vFlashDone packet is received"). GDB sends writes in packet-sized pieces at any
 * address; the flash takes aligned program words and blocks of the target's block size, so the
 * pieces are joined into runs, widened to whole program words with the erased value, and written
 * in blocks that do not cross a block boundary.
 */
final class FlashWriteBuffer {
  private final TreeMap<Long, byte[]> runs = new TreeMap<>();

  void add(long address, byte[] data) {
    Map.Entry<Long, byte[]> before = runs.floorEntry(address);
    if (before != null && before.getKey() + before.getValue().length == address) {
      byte[] joined = Arrays.copyOf(before.getValue(), before.getValue().length + data.length);
      System.arraycopy(data, 0, joined, before.getValue().length, data.length);
      runs.put(before.getKey(), joined);
    } else {
      runs.put(address, data.clone());
    }
  }

  boolean isEmpty() {
    return runs.isEmpty();
  }

  /** Writes everything held to {@code flash} and forgets it (also when a write fails). */
  void writeTo(FlashTarget flash) {
    try {
      int word = Math.max(1, flash.device().programWord());
      int block = flash.writeBlockSize();
      for (Map.Entry<Long, byte[]> run : runs.entrySet()) {
        long start = run.getKey() / word * word;
        long end = (run.getKey() + run.getValue().length + word - 1) / word * word;
        byte[] padded = new byte[(int) (end - start)];
        Arrays.fill(padded, (byte) flash.device().erasedValue());
        System.arraycopy(run.getValue(), 0, padded, (int) (run.getKey() - start),
            run.getValue().length);
        for (long at = start; at < end; ) {
          long next = Math.min(end, (at / block + 1) * block);
          flash.write(at, Arrays.copyOfRange(padded, (int) (at - start), (int) (next - start)));
          at = next;
        }
      }
    } finally {
      runs.clear();
    }
  }
}
