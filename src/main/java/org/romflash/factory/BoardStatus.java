package org.romflash.factory;

/**
 * What one port of the station is doing, for the live view: its state, progress within the
 * current phase, and, once a unit is over, its record.
 *
 * @param done bytes (units for erase) of the phase done so far
 * @param total bytes (units) the phase has, 0 when it has no measure
 * @param bytesPerSecond the phase's rate so far, 0 for erase
 * @param unit the finished unit's record in {@link State#PASSED} and {@link State#FAILED}, else
 *     null
 */
public record BoardStatus(String port, State state, long done, long total, double bytesPerSecond,
    UnitRecord unit) {

  /** The states a port goes through. */
  public enum State {
    WAITING_FOR_BOARD, CONNECTING, ERASING, WRITING, VERIFYING, PASSED, FAILED,
    WAITING_FOR_REMOVAL, STOPPED;

    /** As shown to people: "waiting for board". */
    public String words() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  static BoardStatus of(String port, State state) {
    return new BoardStatus(port, state, 0, 0, 0, null);
  }

  /** The phase's percentage, or -1 when it has no measure. */
  public int percent() {
    return total <= 0 ? -1 : (int) Math.min(100, done * 100 / total);
  }
}
