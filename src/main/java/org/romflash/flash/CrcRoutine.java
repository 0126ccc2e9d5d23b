package org.romflash.flash;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The host side of the RAM CRC routine (protocol-spec/ram-crc-routine.md, layout version 1): the
 * bytes to write before Go (AN3155 3.5), where its answer is and how to read it, how long it may
 * take, and for the emulator whether memory holds it. Exists because bootloaders before protocol
 * v3.3 have no Get Checksum (AN3155 3.13), and reading a whole image back costs far more on the
 * wire than uploading this routine and reading a few CRCs. The routine's code is the committed
 * blob built from {@code src/main/thumb/crc-routine.S}; this class only reads its header.
 */
public final class CrcRoutine {
  /** The routine writes {@code nonce ^ DONE_XOR} into the done word after the last CRC. */
  public static final int DONE_XOR = 0x5A17C0DE;
  /** Most ranges one run takes; a parameter block naming more is not a request of this routine. */
  public static final int MAX_RANGES = 1024;

  static final int INSTRUCTIONS_PER_WORD = 44;
  static final int INSTRUCTIONS_PER_RANGE = 11;
  static final int INSTRUCTIONS_FIXED = 23;
  static final int CYCLES_PER_INSTRUCTION = 3;
  private static final int PARAMETERS = 0x10;
  private static final int STACK_ROOM = 128;
  private static CrcRoutine bundled;

  private final byte[] blob;
  private final int resetOffset;
  private final int parameterOffset;

  CrcRoutine(CrcRoutineBlob blob) {
    this.blob = blob.bytes;
    this.resetOffset = blob.resetOffset;
    this.parameterOffset = blob.parameterOffset;
  }

  /**
   * The routine the jar carries ({@code crc-routine.bin} next to this class), read once.
   *
   * @throws IllegalStateException if the resource is missing or its header is not version 1
   */
  public static synchronized CrcRoutine bundled() {
    if (bundled == null) {
      bundled = new CrcRoutine(CrcRoutineBlob.load("crc-routine.bin"));
    }
    return bundled;
  }

  /** The routine as assembled (stack pointer 0, reset handler relative to the load address). */
  public byte[] blob() {
    return blob.clone();
  }

  /** Offset P of the parameter block from the load address: the blob's length rounded up to 4. */
  public int parameterOffset() {
    return parameterOffset;
  }

  /**
   * The bytes to write at {@code load}: the blob with its stack top ({@code load + P + 0x10 +
   * 12n + 128} rounded up to 8) and reset handler ({@code load} + entry + 1) filled in, then the
   * parameter block (vector table address, nonce, n, done word 0, the ranges) and n zero CRC slots.
   */
  public byte[] upload(long load, long bootVector, int nonce, List<CrcRange> ranges) {
    long stackTop = stackTop(load, ranges.size());
    if (load < 0 || load % 4 != 0 || stackTop > 0xFFFF_FFFFL || bootVector >>> 32 != 0) {
      throw new IllegalArgumentException(String.format("CRC routine needs a 4-aligned load address"
          + " and 32-bit addresses, not load 0x%X, vector table 0x%X", load, bootVector));
    }
    if (ranges.isEmpty() || ranges.size() > MAX_RANGES) {
      throw new IllegalArgumentException("CRC routine takes 1 to " + MAX_RANGES + " ranges, not "
          + ranges.size());
    }
    ByteBuffer out = ByteBuffer.allocate(parameterOffset + answerLength(ranges.size()))
        .order(ByteOrder.LITTLE_ENDIAN).put(blob);
    out.putInt(0, (int) stackTop).putInt(4, (int) (load + resetOffset));
    out.position(parameterOffset);
    out.putInt((int) bootVector).putInt(nonce).putInt(ranges.size()).putInt(0);
    for (CrcRange range : ranges) {
      out.putInt((int) range.address()).putInt((int) range.length());
    }
    return out.array();
  }

  /** Where the parameter block and the CRCs are once the routine has run: {@code load + P}. */
  public long answerAddress(long load) {
    return load + parameterOffset;
  }

  /** Bytes to read at {@link #answerAddress}: the parameter block and the CRCs, 0x10 + 12n. */
  public int answerLength(int ranges) {
    return PARAMETERS + 12 * ranges;
  }

  /**
   * RAM from the load address up to the stack top, at most: {@code P + 0x10 + 12n + 132}. The
   * stack top is rounded up to 8 from a 4-aligned sum, so depending on the load address the real
   * distance is this or 4 bytes less; the routine itself never pushes.
   */
  public int footprint(int ranges) {
    return parameterOffset + answerLength(ranges) + STACK_ROOM + 4;
  }

  /** Offset of the done word in the parameter block. */
  public static int doneOffset() {
    return 0x0C;
  }

  /** Offset of the first CRC slot in the parameter block: after the header and the n pairs. */
  public static int crcOffset(int ranges) {
    return PARAMETERS + 8 * ranges;
  }

  /**
   * The CRCs in {@code answer} (read at {@link #answerAddress}) if its done word says this run,
   * with this nonce, finished; empty when the result is stale or missing.
   */
  public Optional<int[]> crcs(byte[] answer, int nonce, int ranges) {
    if (answer.length < answerLength(ranges)) {
      throw new IllegalArgumentException("CRC routine answer for " + ranges + " ranges has "
          + answerLength(ranges) + " bytes, not " + answer.length);
    }
    ByteBuffer in = ByteBuffer.wrap(answer).order(ByteOrder.LITTLE_ENDIAN);
    if (in.getInt(doneOffset()) != (nonce ^ DONE_XOR)) {
      return Optional.empty();
    }
    int[] crcs = new int[ranges];
    Arrays.setAll(crcs, i -> in.getInt(crcOffset(ranges) + 4 * i));
    return Optional.of(crcs);
  }

  /**
   * What the routine in {@code memoryAtLoad} (RAM from the Go address on) was asked to do, if
   * that memory holds this routine (every byte but the stack top and reset handler words) and a
   * complete, valid parameter block; empty otherwise. For the emulator, which models the
   * routine's effect instead of executing it.
   */
  public Optional<Request> request(byte[] memoryAtLoad) {
    if (memoryAtLoad.length < parameterOffset + PARAMETERS
        || !Arrays.equals(memoryAtLoad, 8, blob.length, blob, 8, blob.length)) {
      return Optional.empty();
    }
    ByteBuffer in = ByteBuffer.wrap(memoryAtLoad).order(ByteOrder.LITTLE_ENDIAN);
    long count = Integer.toUnsignedLong(in.getInt(parameterOffset + 8));
    if (count == 0 || count > MAX_RANGES
        || memoryAtLoad.length < parameterOffset + answerLength((int) count)) {
      return Optional.empty();
    }
    List<CrcRange> ranges = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int pair = parameterOffset + PARAMETERS + 8 * i;
      try {
        ranges.add(new CrcRange(Integer.toUnsignedLong(in.getInt(pair)),
            Integer.toUnsignedLong(in.getInt(pair + 4))));
      } catch (IllegalArgumentException notARange) {
        return Optional.empty();
      }
    }
    return Optional.of(new Request(Integer.toUnsignedLong(in.getInt(parameterOffset)),
        in.getInt(parameterOffset + 4), ranges));
  }

  /**
   * An upper bound of the Cortex-M0 cycles from the routine's first instruction to its jump into
   * the bootloader: {@code 3 * (44 * words + 11 * ranges + 23)}, words = totalBytes / 4 rounded
   * up. The instruction counts are those unicorn executes (CrcRoutineCpuTest checks that every
   * run's count is exactly a third of this): 44 per word (the unrolled eight-nibble loop), 11 per
   * range (set-up, loop exit, storing the CRC), 23 once (entry, done word, SysTick, hand-back).
   * Three cycles each bounds them: on a Cortex-M0 the word loop takes 55 cycles (loads 2, taken
   * branch 3, the rest 1), leaving 77 a word for flash wait states on its one flash load; the
   * single msr (4 cycles) fits in the same slack.
   */
  public long worstCaseCycles(long totalBytes, int ranges) {
    if (totalBytes < 0 || ranges < 0) {
      throw new IllegalArgumentException("Negative CRC work: " + totalBytes + " bytes, " + ranges
          + " ranges");
    }
    long words = (totalBytes + 3) / 4;
    return CYCLES_PER_INSTRUCTION * (INSTRUCTIONS_PER_WORD * words
        + INSTRUCTIONS_PER_RANGE * (long) ranges + INSTRUCTIONS_FIXED);
  }

  private long stackTop(long load, int ranges) {
    return load + parameterOffset + answerLength(ranges) + STACK_ROOM + 7 & ~7L;
  }

  /** A request found in memory: the bootloader's vector table, the nonce and the ranges. */
  public record Request(long bootVector, int nonce, List<CrcRange> ranges) {
    /** Copies the ranges. */
    public Request {
      ranges = List.copyOf(ranges);
    }
  }
}
