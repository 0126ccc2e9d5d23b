package org.romflash.link;

/**
 * A control-line sequence that does not follow the grammar. The message names the problem, the
 * offending text and its 1-based character position; the caller adds which option or file it came
 * from.
 */
public final class LineSequenceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;

  LineSequenceException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** The 1-based character position of the problem within the text that was parsed. */
  public int position() {
    return position;
  }
}
