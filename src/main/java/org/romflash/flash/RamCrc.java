package org.romflash.flash;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.BootloaderException;
import org.romflash.protocol.NoReplyException;

/**
 * CRCs computed by the chip on bootloaders without Get Checksum: romflash's RAM routine ({@link
 * CrcRoutine}, protocol-spec/ram-crc-routine.md) is written just above the bootloader's own RAM,
 * read back, started with Go, and its answer read once the chip is in its bootloader again.
 *
 * <p>Every check before Go that fails (vector table, RAM placement, upload) and a missing or stale
 * answer make this source unusable for the rest of the session, with the reason, as a {@link
 * ChecksumUnavailableException}: the caller reads back instead. A chip that does not come back
 * after Go is a {@link ChipLostException}.
 */
final class RamCrc {
  /** The slowest clock a bootloader leaves running (L0/L1 MSI at about 2 MHz) for deadlines. */
  static final long SLOWEST_CLOCK_HZ = 2_000_000;
  /** Added to every deadline: the bootloader's start-up (AN2606: up to about 85 ms) and margin. */
  static final Duration RESTART_MARGIN = Duration.ofSeconds(1);
  /**
   * Bytes from which the routine is worth running: it moves about 600 bytes (upload, its check,
   * the answer) plus a restart, so reading back anything much smaller is as fast.
   */
  static final long WORTHWHILE = 4096;

  private final BootloaderTarget target;
  private final BootloaderClient client;
  private final Device device;
  private final Runnable reenter;
  private final CrcRoutine routine = CrcRoutine.bundled();
  private final Random nonces = new SecureRandom();
  private String unusable;
  private boolean vectorsChecked;

  /**
   * @param reenter resets the chip into its bootloader (the entry line sequence), or null when
   *     the wiring gives no way to
   */
  RamCrc(BootloaderTarget target, Runnable reenter) {
    this.target = target;
    this.client = target.client();
    this.device = target.device();
    this.reenter = reenter;
    if (load().isEmpty()) {
      unusable = "no free RAM above the bootloader's own is known for " + device.name();
    }
  }

  /** Whether the routine may still be tried. */
  boolean usable() {
    return unusable == null;
  }

  /** The CRC of every range, in order, in as few runs as RAM allows. */
  int[] crcs(List<CrcRange> ranges) {
    int[] all = new int[ranges.size()];
    int done = 0;
    while (done < ranges.size()) {
      int batch = batchSize(ranges.size() - done);
      int[] some = run(ranges.subList(done, done + batch));
      System.arraycopy(some, 0, all, done, batch);
      done += batch;
    }
    return all;
  }

  private int batchSize(int wanted) {
    long room = ram().end() - load().orElseThrow();
    int batch = Math.min(wanted, CrcRoutine.MAX_RANGES);
    while (batch > 1 && routine.footprint(batch) > room) {
      batch /= 2;
    }
    return batch;
  }

  private int[] run(List<CrcRange> ranges) {
    if (unusable != null) {
      throw new ChecksumUnavailableException(unusable);
    }
    long load = load().orElseThrow();
    if (routine.footprint(ranges.size()) > ram().end() - load) {
      throw unusable("the routine does not fit the RAM above 0x" + hex(load));
    }
    checkVectorTable();
    int nonce = nonces.nextInt();
    byte[] upload = routine.upload(load, device.bootloaderVectorTable(), nonce, ranges);
    try {
      int block = target.writeBlockSize();
      for (int at = 0; at < upload.length; at += block) {
        target.write(load + at, Arrays.copyOfRange(upload, at, Math.min(upload.length,
            at + block)));
      }
      if (!kept(load, upload, ranges.size())) {
        throw unusable("the RAM at 0x" + hex(load) + " did not keep the routine");
      }
      client.go(load);
    } catch (BootloaderException e) {
      client.recover();
      throw unusable("the bootloader refused the routine (" + e.getMessage() + ")");
    }
    awaitRestart(load, ranges);
    Optional<int[]> crcs = routine.crcs(answer(load, ranges.size()), nonce, ranges.size());
    return crcs.orElseThrow(() -> unusable("the routine ran but left no answer"));
  }

  /**
   * Whether RAM holds the upload: the code and the parameters read back whole (the CRC slots, which
   * the routine writes, are left out). Each Write Memory frame was checked by the chip, but its XOR
   * checksum misses two flips of the same bit, and corrupted code is not something to start.
   */
  private boolean kept(long load, byte[] upload, int ranges) {
    int checked = routine.parameterOffset() + CrcRoutine.crcOffset(ranges);
    return Arrays.equals(target.read(load, checked), Arrays.copyOf(upload, checked));
  }

  /** The answer area with the done word and the CRCs read in, the parameters between left 0. */
  private byte[] answer(long load, int count) {
    long parameters = routine.answerAddress(load);
    byte[] answer = new byte[routine.answerLength(count)];
    System.arraycopy(target.read(parameters + CrcRoutine.doneOffset(), 4), 0, answer,
        CrcRoutine.doneOffset(), 4);
    int crcs = CrcRoutine.crcOffset(count);
    System.arraycopy(target.read(parameters + crcs, 4 * count), 0, answer, crcs, 4 * count);
    return answer;
  }

  private void awaitRestart(long load, List<CrcRange> ranges) {
    long bytes = ranges.stream().mapToLong(CrcRange::length).sum();
    Duration deadline = Duration.ofNanos(routine.worstCaseCycles(bytes, ranges.size())
        * 1_000_000_000L / SLOWEST_CLOCK_HZ).plus(RESTART_MARGIN);
    try {
      client.awaitRestart(deadline);
    } catch (NoReplyException e) {
      unusable = "the chip did not come back after the routine";
      if (reenter == null) {
        throw new ChipLostException(load, deadline);
      }
      try {
        reenter.run();
        client.synchronise();
      } catch (BootloaderException | org.romflash.link.LinkException stillGone) {
        throw new ChipLostException(load, deadline);
      }
      throw unusable("the chip did not come back after the routine and was reset into its"
          + " bootloader through the entry sequence");
    }
  }

  /** The bootloader's vector table must look like one before the routine jumps through it. */
  private void checkVectorTable() {
    if (vectorsChecked) {
      return;
    }
    long table = device.bootloaderVectorTable();
    ByteBuffer words;
    try {
      // A probe that may well be refused: no retries.
      words = ByteBuffer.wrap(client.readMemory(table, 8)).order(ByteOrder.LITTLE_ENDIAN);
    } catch (BootloaderException e) {
      client.recover();
      throw unusable("the bootloader's vector table at 0x" + hex(table) + " cannot be read");
    }
    long sp = Integer.toUnsignedLong(words.getInt(0));
    long reset = Integer.toUnsignedLong(words.getInt(4));
    boolean spInRam = device.ramRegions().stream()
        .anyMatch(r -> sp > r.start() && sp <= r.end());
    if (!spInRam || (reset & 1) == 0 || !device.systemMemory().contains(reset & ~1L)) {
      throw unusable(String.format("the words at 0x%08X (SP 0x%08X, reset 0x%08X) are not the"
          + " bootloader's vector table", table, sp, reset));
    }
    vectorsChecked = true;
  }


  /** The first 256-byte boundary above the bootloader's RAM, in the RAM block holding it. */
  private Optional<Long> load() {
    MemoryRegion reserved = device.bootloader().reservedRam();
    MemoryRegion ram = ram();
    long load = (Math.max(reserved.end(), ram.start()) + 255) & ~255L;
    return ram.contains(load) && ram.contains(reserved.start()) ? Optional.of(load)
        : Optional.empty();
  }

  private MemoryRegion ram() {
    return device.ram();
  }

  private ChecksumUnavailableException unusable(String reason) {
    unusable = reason;
    return new ChecksumUnavailableException(reason);
  }

  private static String hex(long value) {
    return String.format("%08X", value);
  }
}
