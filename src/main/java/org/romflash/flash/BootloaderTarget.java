package org.romflash.flash;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.Quirk;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.BootloaderException;
import org.romflash.protocol.Command;
import org.romflash.protocol.NackException;
import org.romflash.protocol.Stage;
import org.romflash.protocol.UnsupportedCommandException;

/**
 * A chip reached through its ROM bootloader. A transfer that fails for a reason a noisy line can
 * cause (no reply, a corrupted reply, a NACK) is retried after bringing the bootloader back to
 * command state; a write retried after its ACK was lost is accepted when the chip already holds
 * the block.
 */
public final class BootloaderTarget implements FlashTarget {
  private static final int BLOCK = 256;
  /** First tries sent ahead that may fail before the session stops sending ahead. */
  static final int SEND_AHEAD_FAILURES = 3;

  private final BootloaderClient client;
  private final Device device;
  private final int attempts;
  private int sendAheadFailures;
  private final Consumer<String> notes;
  private Runnable reenter;
  private RamCrc ramCrc;
  private boolean ramRoutine = true;

  /**
   * @param client a client that has {@link BootloaderClient#connect() connected}
   * @param attempts tries per transfer, at least 1
   */
  public BootloaderTarget(BootloaderClient client, Device device, int attempts) {
    this(client, device, attempts, note -> { });
  }

  /**
   * @param notes told, once, when the RAM CRC routine cannot be used and why (reads back instead)
   */
  public BootloaderTarget(BootloaderClient client, Device device, int attempts,
      Consumer<String> notes) {
    this.client = client;
    this.device = device;
    this.attempts = Math.max(1, attempts);
    this.notes = notes;
  }

  /**
   * How to reset the chip into its bootloader if code started on it never returns (the entry line
   * sequence); without it such a chip is reported lost ({@link ChipLostException}).
   */
  public void reenterWith(Runnable entrySequence) {
    reenter = entrySequence;
  }

  /**
   * Whether CRCs may come from romflash's RAM routine on a bootloader without Get Checksum (on by
   * default); off, nothing is ever run on the chip and such chips are read back.
   */
  public void useRamRoutine(boolean on) {
    ramRoutine = on;
  }

  @Override
  public Device device() {
    return device;
  }

  public BootloaderClient client() {
    return client;
  }

  @Override
  public byte[] read(long address, int length) {
    byte[] out = new byte[length];
    for (int offset = 0; offset < length; offset += BLOCK) {
      int n = Math.min(BLOCK, length - offset);
      long at = address + offset;
      byte[] chunk = retrying(() -> client.readMemory(at, n));
      System.arraycopy(chunk, 0, out, offset, n);
    }
    return out;
  }

  /**
   * Writes a block, sending ahead as {@link #retrying} does. A retry NACKed because the flash is
   * already programmed means the first try's ACK was lost: the block counts as written when the
   * chip holds it.
   */
  @Override
  public void write(long address, byte[] block) {
    retrying(() -> {
      client.writeMemory(address, block);
      return null;
    }, e -> e instanceof NackException && holds(address, block));
  }

  /** Whether the chip already holds {@code block} at {@code address} (a write whose ACK was lost). */
  private boolean holds(long address, byte[] block) {
    try {
      return Arrays.equals(client.readMemory(address, block.length), block);
    } catch (BootloaderException e) {
      client.recover();
      return false;
    }
  }

  @Override
  public int writeBlockSize() {
    return BLOCK;
  }

  @Override
  public void erase(List<EraseUnit> units) {
    List<Integer> numbers = units.stream().map(EraseUnit::number).toList();
    retrying(() -> {
      client.erasePages(numbers, batch -> eraseTimeout(batch));
      return null;
    });
  }

  private Duration eraseTimeout(List<Integer> batch) {
    long bytes = batch.stream()
        .mapToLong(n -> device.flash().unit(n).map(EraseUnit::size).orElse(0L))
        .sum();
    return client.timeouts().eraseOf(bytes);
  }

  @Override
  public void massErase() {
    if (device.quirks().contains(Quirk.NO_MASS_ERASE)) {
      erase(device.flash().units());
      return;
    }
    retrying(() -> {
      client.massErase(client.timeouts().eraseOf(device.flash().size()));
      return null;
    });
  }

  /** Get Checksum when listed, else romflash's RAM routine while it is usable. */
  @Override
  public boolean offersChecksum() {
    return listsGetChecksum() || (ramRoutine && ramCrc().usable());
  }

  /**
   * Get Checksum always pays; the RAM routine from {@link RamCrc#WORTHWHILE} bytes on, since its
   * upload, check and start cost about as much wire time as reading back a few hundred bytes.
   */
  @Override
  public boolean checksumPaysFor(long bytes) {
    return listsGetChecksum() || (offersChecksum() && bytes >= RamCrc.WORTHWHILE);
  }

  @Override
  public int checksum(long address, long length) {
    if (listsGetChecksum()) {
      return retrying(() -> client.getChecksum(address, length));
    }
    return checksums(List.of(new CrcRange(address, length)))[0];
  }

  @Override
  public int[] checksums(List<CrcRange> ranges) {
    if (listsGetChecksum()) {
      return FlashTarget.super.checksums(ranges);
    }
    if (!ramRoutine || !ramCrc().usable()) {
      throw new ChecksumUnavailableException("the bootloader has no Get Checksum");
    }
    try {
      return ramCrc().crcs(ranges);
    } catch (ChecksumUnavailableException e) {
      notes.accept("romflash's RAM CRC routine cannot be used on this chip: " + e.getMessage()
          + "; reading back instead");
      throw e;
    }
  }

  private boolean listsGetChecksum() {
    return client.get().supports(Command.GET_CHECKSUM);
  }

  private RamCrc ramCrc() {
    if (ramCrc == null) {
      ramCrc = new RamCrc(this, reenter);
    }
    return ramCrc;
  }

  @Override
  public void go(long address) {
    client.go(address);
  }

  /**
   * Runs a transfer, retrying as {@link #giveUpOrRecover} allows. The first try may send its frames
   * ahead of the ACKs (see {@link org.romflash.protocol.SendAhead}); retries wait for every ACK.
   * After {@value #SEND_AHEAD_FAILURES} failed first tries the whole session goes stop-and-wait: a
   * chip or adapter that cannot keep up with a burst is not given more.
   */
  private <T> T retrying(Supplier<T> transfer) {
    return retrying(transfer, e -> false);
  }

  /**
   * As {@link #retrying(Supplier)}; a retry that fails in a way {@code alreadyDone} recognises
   * (the first try worked but its answer was lost) counts as done, and returns null.
   */
  private <T> T retrying(Supplier<T> transfer, Predicate<BootloaderException> alreadyDone) {
    boolean ahead = client.sendsAhead();
    int refusals = 0;
    try {
      for (int attempt = 1; ; attempt++) {
        client.sendAhead(ahead && attempt == 1);
        try {
          return transfer.get();
        } catch (BootloaderException e) {
          ahead = ahead && !(attempt == 1 && ++sendAheadFailures >= SEND_AHEAD_FAILURES);
          if (attempt > 1 && alreadyDone.test(e)) {
            return null;
          }
          refusals += refusal(e);
          giveUpOrRecover(e, attempt, refusals);
        }
      }
    } finally {
      client.sendAhead(ahead);
    }
  }

  /**
   * Rethrows {@code e} when trying again cannot help: the command is not offered, the attempts are
   * used up, or the command itself was refused twice (read protection, not noise). Otherwise brings
   * the bootloader back to command state for the next attempt.
   */
  private void giveUpOrRecover(BootloaderException e, int attempt, int refusals) {
    if (e instanceof UnsupportedCommandException || attempt >= attempts || refusals >= 2) {
      throw e;
    }
    client.recover();
  }

  /** 1 when the chip refused the command itself (NACK at the command stage), else 0. */
  private static int refusal(BootloaderException e) {
    return e instanceof NackException && e.stage() == Stage.COMMAND ? 1 : 0;
  }
}
