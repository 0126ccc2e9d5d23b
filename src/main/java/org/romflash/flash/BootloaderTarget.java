package org.romflash.flash;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

  /**
   * @param client a client that has {@link BootloaderClient#connect() connected}
   * @param attempts tries per transfer, at least 1
   */
  public BootloaderTarget(BootloaderClient client, Device device, int attempts) {
    this.client = client;
    this.device = device;
    this.attempts = Math.max(1, attempts);
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
   * Writes a block; the first try may send its frames ahead of the ACKs (see {@link
   * org.romflash.protocol.SendAhead}), retries wait for every ACK. After {@value
   * #SEND_AHEAD_FAILURES} failed first tries the whole session goes stop-and-wait: a chip or
   * adapter that cannot keep up with a burst is not given more.
   */
  @Override
  public void write(long address, byte[] block) {
    boolean ahead = client.sendsAhead();
    try {
      for (int attempt = 1; ; attempt++) {
        client.sendAhead(ahead && attempt == 1);
        try {
          client.writeMemory(address, block);
          return;
        } catch (BootloaderException e) {
          if (ahead && attempt == 1 && ++sendAheadFailures >= SEND_AHEAD_FAILURES) {
            ahead = false;
          }
          // A retry NACKed because the flash is already programmed: the first try's ACK was lost.
          if (attempt > 1 && e instanceof NackException && holds(address, block)) {
            return;
          }
          giveUpOrRecover(e, attempt);
        }
      }
    } finally {
      client.sendAhead(ahead);
    }
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

  @Override
  public boolean offersChecksum() {
    return client.get().supports(Command.GET_CHECKSUM);
  }

  @Override
  public int checksum(long address, long length) {
    return retrying(() -> client.getChecksum(address, length));
  }

  @Override
  public void go(long address) {
    client.go(address);
  }

  private <T> T retrying(Supplier<T> transfer) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transfer.get();
      } catch (BootloaderException e) {
        giveUpOrRecover(e, attempt);
      }
    }
  }

  /**
   * Rethrows {@code e} when trying again cannot help: the command is not offered, the attempts are
   * used up, or the command itself was refused twice (read protection, not noise). Otherwise brings
   * the bootloader back to command state for the next attempt.
   */
  private void giveUpOrRecover(BootloaderException e, int attempt) {
    boolean refusedOutright = e instanceof NackException && e.stage() == Stage.COMMAND;
    if (e instanceof UnsupportedCommandException || attempt >= attempts
        || (refusedOutright && attempt >= 2)) {
      throw e;
    }
    client.recover();
  }
}
