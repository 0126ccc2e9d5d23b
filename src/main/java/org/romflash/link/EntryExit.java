package org.romflash.link;

/**
 * The two sequences of a board wired for automatic bootloader entry: {@code entry} runs before the
 * first 0x7F, {@code exit} after the work is done. Either may be {@link LineSequence#NONE}.
 */
public record EntryExit(LineSequence entry, LineSequence exit) {
  /** No line changes at all. */
  public static final EntryExit NONE = new EntryExit(LineSequence.NONE, LineSequence.NONE);

  public EntryExit {
    java.util.Objects.requireNonNull(entry, "entry");
    java.util.Objects.requireNonNull(exit, "exit");
  }

  /** In stm32flash's {@code -i} form, {@code ENTRY:EXIT}. */
  @Override
  public String toString() {
    return entry.text() + ":" + exit.text();
  }
}
