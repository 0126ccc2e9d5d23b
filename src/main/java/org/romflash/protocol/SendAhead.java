package org.romflash.protocol;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether the frames of a command may go out in one burst, ahead of the ACKs AN3155 has the host
 * wait for. The bootloader reads a burst as it arrives (its USART keeps one byte while it answers
 * a stage, and a one-byte ACK takes as long on the wire as the next byte coming in), so on an
 * accepting chip a burst saves two turnarounds per Write Memory.
 *
 * <p>The risk is a chip that does not accept: a NACKed command or address, or a byte lost on the
 * line, leaves it in command state while the rest of the burst arrives, and it reads that rest as
 * command codes and complements. A burst is therefore sent only when no two adjacent bytes of it,
 * after the opening command, form a command that changes anything (Go, the writes, erases and
 * protection commands, Special): a chip thrown out of the frame then answers NACK, or at worst
 * runs a Get or a Read, and nothing is written, erased, protected or started. Roughly 4 % of
 * 256-byte blocks of random data contain such a pair; they are sent the stop-and-wait way.
 */
public final class SendAhead {
  private static final Set<Command> CHANGING = EnumSet.of(Command.GO, Command.WRITE_MEMORY,
      Command.ERASE, Command.EXTENDED_ERASE, Command.SPECIAL, Command.EXTENDED_SPECIAL,
      Command.WRITE_PROTECT, Command.WRITE_UNPROTECT, Command.READOUT_PROTECT,
      Command.READOUT_UNPROTECT);
  private static final boolean[] CHANGING_CODE = new boolean[256];

  static {
    for (Command command : CHANGING) {
      CHANGING_CODE[command.code()] = true;
    }
  }

  private SendAhead() {}

  /** Whether {@code burst}, opened by a command's two bytes, is harmless read from any byte on. */
  public static boolean harmless(byte[] burst) {
    for (int i = 1; i + 1 < burst.length; i++) {
      int code = burst[i] & 0xFF;
      if (CHANGING_CODE[code] && ((code ^ burst[i + 1]) & 0xFF) == 0xFF) {
        return false;
      }
    }
    return true;
  }
}
