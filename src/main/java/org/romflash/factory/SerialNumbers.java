package org.romflash.factory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.romflash.device.UniqueId;

/**
 * Hands out serial numbers, one per unit, for the whole station (every worker asks here). A unit
 * whose UID already has a number in the journal keeps it, so re-programming never issues a second
 * one. A number recorded in the journal is never given to another unit, even when its unit failed,
 * unless the station was started with {@code reuseFailed}: then the numbers of failed units are
 * free again, and a failed unit gets a fresh one when it comes back.
 */
public final class SerialNumbers {
  private final SerialFormat format;
  private final Map<UniqueId, String> table;
  private final Map<UniqueId, SerialNumber> bound = new HashMap<>();
  private final Set<String> usedTexts = new HashSet<>();
  private final Set<Long> usedNumbers = new HashSet<>();
  private long next;

  private SerialNumbers(SerialFormat format, Map<UniqueId, String> table, long start,
      JournalHistory history, boolean reuseFailed) {
    this.format = format;
    this.table = table == null ? null : Map.copyOf(table);
    this.next = start;
    for (JournalHistory.Line line : history.lines()) {
      SerialNumber serial = line.serial();
      if (serial == null || (reuseFailed && line.outcome() != Outcome.OK)) {
        continue;
      }
      usedTexts.add(serial.text());
      serial.number().ifPresent(usedNumbers::add);
      if (line.uid() != null && !bound.containsKey(line.uid())) {
        bound.put(line.uid(), reencoded(serial));
      }
    }
  }

  /**
   * A number recorded earlier, in today's format (the format may have changed between runs); a
   * serial without a number (text from a table) as it was written.
   */
  private SerialNumber reencoded(SerialNumber recorded) {
    if (recorded.number().isPresent()) {
      try {
        return format.ofNumber(recorded.number().getAsLong());
      } catch (IllegalArgumentException tooLarge) {
        return recorded;
      }
    }
    return recorded;
  }

  /** Numbers counted up from {@code start}, skipping every number the journal holds. */
  public static SerialNumbers counting(SerialFormat format, long start, JournalHistory history,
      boolean reuseFailed) {
    return new SerialNumbers(format, null, start, history, reuseFailed);
  }

  /** Numbers from a table keyed by UID ({@link SerialTable}). */
  public static SerialNumbers fromTable(SerialFormat format, Map<UniqueId, String> table,
      JournalHistory history, boolean reuseFailed) {
    table.values().forEach(format::ofValue);
    return new SerialNumbers(format, table, 0, history, reuseFailed);
  }

  /**
   * The unit's serial: the one the journal (or this run) already gave its UID, else a new one. A
   * unit whose UID could not be read ({@code uid} null) gets a new number, which cannot be kept
   * for it; with a table it gets none.
   *
   * @throws SerialUnavailableException when the table has no serial for the UID, or its serial is
   *     already another unit's
   */
  public synchronized SerialNumber assign(UniqueId uid) {
    if (uid == null) {
      if (table != null) {
        throw new SerialUnavailableException("the unit's unique ID cannot be read, and the serial"
            + " table is keyed by it");
      }
      SerialNumber fresh = nextFromCounter();
      usedTexts.add(fresh.text());
      fresh.number().ifPresent(usedNumbers::add);
      return fresh;
    }
    SerialNumber kept = bound.get(uid);
    if (kept != null) {
      return kept;
    }
    SerialNumber fresh = table == null ? nextFromCounter() : fromTable(uid);
    bound.put(uid, fresh);
    usedTexts.add(fresh.text());
    fresh.number().ifPresent(usedNumbers::add);
    return fresh;
  }

  private SerialNumber nextFromCounter() {
    while (true) {
      SerialNumber candidate = format.ofNumber(next++);
      if (!usedNumbers.contains(candidate.number().getAsLong())
          && !usedTexts.contains(candidate.text())) {
        return candidate;
      }
    }
  }

  private SerialNumber fromTable(UniqueId uid) {
    String value = table.get(uid);
    if (value == null) {
      throw new SerialUnavailableException("the serial table has no serial for UID " + uid);
    }
    SerialNumber serial = format.ofValue(value);
    if (usedTexts.contains(serial.text())) {
      throw new SerialUnavailableException("serial " + serial.text() + " (for UID " + uid
          + ") is already recorded in the journal for another unit");
    }
    return serial;
  }
}
