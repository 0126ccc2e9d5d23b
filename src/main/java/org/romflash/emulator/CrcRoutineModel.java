package org.romflash.emulator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.romflash.device.MemoryRegion;
import org.romflash.flash.Crc32Stm32;
import org.romflash.flash.CrcRange;
import org.romflash.flash.CrcRoutine;

/**
 * What romflash's RAM CRC routine does when Go starts it, modelled at a high level: the CRCs and
 * the done word appear in RAM, the time the code would take passes, and the bootloader starts
 * again. The machine code itself is proven on Cortex-M0/M3/M4/M7 models by {@code
 * CrcRoutineCpuTest}; this model applies only when the RAM at the Go address holds exactly that
 * code (protocol-spec/ram-crc-routine.md).
 */
final class CrcRoutineModel {
  /** The clock the emulated bootloader leaves running when it jumps: the 8 MHz HSI of an F1. */
  static final long CLOCK_HZ = 8_000_000;
  /** Cortex-M0 cycles per 32-bit word of the routine's loop (its source, TRM timings). */
  static final long CYCLES_PER_WORD = 55;

  private CrcRoutineModel() {}

  /** The routine's request, when {@code load} holds the routine with a readable request. */
  static Optional<CrcRoutine.Request> requestAt(Chip chip, long load) {
    Optional<MemoryRegion> ram = chip.device().ramRegions().stream()
        .filter(r -> r.contains(load)).findFirst();
    if (ram.isEmpty()) {
      return Optional.empty();
    }
    int available = (int) (ram.get().end() - load);
    return chip.peek(load, available).flatMap(CrcRoutine.bundled()::request);
  }

  /**
   * Runs the request: stores CRCs and the done word, and returns how long the chip was busy; empty
   * when the real code would fault (a range outside readable memory) or jump somewhere other than
   * the bootloader, leaving the chip deaf.
   */
  static Optional<Duration> run(Chip chip, long load, CrcRoutine.Request request) {
    if (request.bootVector() != chip.device().bootloaderVectorTable()) {
      return Optional.empty();
    }
    List<CrcRange> ranges = request.ranges();
    ByteBuffer crcs = ByteBuffer.allocate(4 * ranges.size()).order(ByteOrder.LITTLE_ENDIAN);
    long words = 0;
    for (CrcRange range : ranges) {
      Optional<byte[]> data = chip.peek(range.address(), (int) range.length());
      if (data.isEmpty()) {
        return Optional.empty();
      }
      crcs.putInt(Crc32Stm32.of(data.get()));
      words += range.length() / 4;
    }
    long parameters = load + CrcRoutine.bundled().parameterOffset();
    chip.load(parameters + CrcRoutine.crcOffset(ranges.size()), crcs.array());
    int done = request.nonce() ^ CrcRoutine.DONE_XOR;
    chip.load(parameters + CrcRoutine.doneOffset(), ByteBuffer.allocate(4)
        .order(ByteOrder.LITTLE_ENDIAN).putInt(done).array());
    long cycles = CYCLES_PER_WORD * words + 20L * ranges.size() + 40;
    return Optional.of(Duration.ofNanos(cycles * 1_000_000_000L / CLOCK_HZ));
  }
}
