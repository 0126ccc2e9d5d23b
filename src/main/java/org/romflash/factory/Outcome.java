package org.romflash.factory;

/** How a unit ended. Only {@link #OK} means the chip was verified to hold the image. */
public enum Outcome {
  /** Written, verified, serial recorded. */
  OK,
  /** Something failed; the journal line says what and in which phase. */
  FAILED,
  /** The station was stopped (Ctrl-C) while the unit was being programmed. */
  INTERRUPTED;

  /** As the journal writes it. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Outcome ofWord(String word) {
    return valueOf(word.toUpperCase(java.util.Locale.ROOT));
  }
}
