package org.romflash.swd.sim;

import java.util.Arrays;

/**
 * The H7 flash write buffer: collects the bytes of one flash word, each byte written once, until
 * the word is complete (RM0433 section 4.3, single write sequence; STRBERR and INCERR in the
 * FLASH_SR description).
 */
final class WriteBuffer {

  /** What one write did to the buffer. */
  enum Outcome {
    /** Taken; the flash word is not complete yet (WBNE). */
    PARTIAL,
    /** Taken; the flash word is complete and goes to the flash (QW). */
    COMPLETE,
    /** Refused: it belongs to another flash word than the one being filled (INCERR). */
    OTHER_WORD,
    /** Refused: it writes a byte already in the buffer (STRBERR). */
    SAME_BYTE
  }

  private final byte[] data;
  private final boolean[] written;
  private long word = -1;
  private int count;

  WriteBuffer(int flashWordBytes) {
    data = new byte[flashWordBytes];
    written = new boolean[flashWordBytes];
  }

  Outcome write(long address, int size, int value) {
    long start = address - address % data.length;
    int at = (int) (address - start);
    if (word >= 0 && start != word) {
      return Outcome.OTHER_WORD;
    }
    for (int i = at; i < at + size; i++) {
      if (written[i]) {
        return Outcome.SAME_BYTE;
      }
    }
    word = start;
    for (int i = 0; i < size; i++) {
      data[at + i] = (byte) (value >>> 8 * i);
      written[at + i] = true;
    }
    count += size;
    return count == data.length ? Outcome.COMPLETE : Outcome.PARTIAL;
  }

  boolean empty() {
    return count == 0;
  }

  /** The flash word's address. */
  long word() {
    return word;
  }

  byte[] data() {
    return data.clone();
  }

  void clear() {
    word = -1;
    count = 0;
    Arrays.fill(written, false);
  }
}
