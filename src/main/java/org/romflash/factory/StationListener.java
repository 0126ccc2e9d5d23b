package org.romflash.factory;

/**
 * Told about every change on every port; the command line's live view draws from it. Called from
 * the workers' threads, so implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface StationListener {
  void update(BoardStatus status);

  static StationListener none() {
    return status -> { };
  }
}
