package org.romflash.cli;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the few Thumb-1 (ARMv6-M) instructions the RAM programs need, with a literal pool at
 * the end. Encodings from the ARMv6-M Architecture Reference Manual, section A6.7: LDR (literal)
 * T1, LDR/STR (immediate) T1, ORRS (register) T1, and B T2 to itself.
 */
final class ThumbCode {
  private final List<int[]> code = new ArrayList<>();
  private final List<Long> literals = new ArrayList<>();

  /** {@code ldr rt, =value}: a PC-relative load from the literal pool. */
  ThumbCode loadLiteral(int rt, long value) {
    int index = literals.indexOf(value);
    if (index < 0) {
      literals.add(value);
      index = literals.size() - 1;
    }
    code.add(new int[] {'L', rt, index});
    return this;
  }

  /** {@code str rt, [rn, #offset]}, offset a multiple of 4 up to 124. */
  ThumbCode store(int rt, int rn, int offset) {
    code.add(new int[] {0x6000 | wordOffset(offset) << 6 | rn << 3 | rt});
    return this;
  }

  /** {@code ldr rt, [rn, #offset]}. */
  ThumbCode load(int rt, int rn, int offset) {
    code.add(new int[] {0x6800 | wordOffset(offset) << 6 | rn << 3 | rt});
    return this;
  }

  /** {@code orrs rdn, rm}. */
  ThumbCode or(int rdn, int rm) {
    code.add(new int[] {0x4300 | rm << 3 | rdn});
    return this;
  }

  /** {@code b .}: wait here (for the reset the program asked for). */
  ThumbCode waitHere() {
    code.add(new int[] {0xE7FE});
    return this;
  }

  /** The code followed by its literal pool, for loading at an address that is a multiple of 4. */
  byte[] assemble() {
    int codeBytes = code.size() * 2;
    int pool = (codeBytes + 3) & ~3;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < code.size(); i++) {
      int[] op = code.get(i);
      int half = op[0];
      if (op.length == 3) {
        int pc = (i * 2 + 4) & ~3;
        int target = pool + op[2] * 4;
        half = 0x4800 | op[1] << 8 | (target - pc) / 4;
      }
      out.write(half);
      out.write(half >>> 8);
    }
    for (int i = codeBytes; i < pool; i++) {
      out.write(i % 2 == 0 ? 0x00 : 0xBF);
    }
    for (long literal : literals) {
      for (int b = 0; b < 4; b++) {
        out.write((int) (literal >>> (8 * b)));
      }
    }
    return out.toByteArray();
  }

  private static int wordOffset(int offset) {
    if (offset % 4 != 0 || offset < 0 || offset > 124) {
      throw new IllegalArgumentException("offset " + offset + " is not a word offset up to 124");
    }
    return offset / 4;
  }
}
