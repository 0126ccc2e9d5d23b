package org.romflash.protocol;

import java.time.Duration;
import org.romflash.link.Link;
import org.romflash.link.LinkTimeoutException;

/** The request/acknowledge mechanics shared by every command: send a frame, expect ACK, read bytes. */
final class Exchange {
  private final Link link;
  private final Timeouts timeouts;

  Exchange(Link link, Timeouts timeouts) {
    this.link = link;
    this.timeouts = timeouts;
  }

  /** Sends the command code and complement and expects ACK. */
  void command(Command command) {
    send(command, Stage.COMMAND, null, command.opening(), timeouts.reply());
  }

  /** Like {@link #command} but refuses, unsent, a command the Get list (when known) lacks. */
  void commandIfOffered(BootloaderInfo info, Command command) {
    if (info != null && !info.supports(command)) {
      throw new UnsupportedCommandException(command);
    }
    command(command);
  }

  void send(Command command, Stage stage, Long address, byte[] frame, Duration timeout) {
    link.write(frame);
    awaitAck(command, stage, address, timeout);
  }

  /**
   * Sends a whole command (code, address, then a data or length frame) at once, then expects one
   * ACK per stage, the last within {@code last}. On any failure it waits for the chip to fall
   * silent (a chip thrown out of the frame answers the rest of the burst pair by pair) and brings
   * it back to command state before rethrowing.
   */
  void burst(Command command, long address, byte[] burst, Stage lastStage, Duration last,
      Synchroniser quiet) {
    link.write(burst);
    try {
      awaitAck(command, Stage.COMMAND, null, timeouts.reply());
      awaitAck(command, Stage.ADDRESS, address, timeouts.reply());
      awaitAck(command, lastStage, address, last);
    } catch (BootloaderException e) {
      quiet.awaitSilence(timeouts.byteTime().multipliedBy(burst.length));
      realign(quiet);
      throw e;
    }
  }

  /**
   * After a failed burst the chip may hold half a command pair (the rest of a burst can be odd):
   * {@link Synchroniser#recover} completes or replaces it, so the next command is read as sent.
   */
  private static void realign(Synchroniser synchroniser) {
    try {
      synchroniser.recover();
    } catch (BootloaderException deaf) {
      // The original failure says more; the caller's own recovery will meet the silence.
    }
  }

  void awaitAck(Command command, Stage stage, Long address, Duration timeout) {
    int answer;
    try {
      answer = link.readByte(timeout);
    } catch (LinkTimeoutException e) {
      throw new NoReplyException(command, stage, address, timeout, 0, 1, e);
    }
    if (answer == Bytes.NACK) {
      throw new NackException(command, stage, address);
    }
    if (answer != Bytes.ACK) {
      throw new UnexpectedReplyException(command, stage, address, answer);
    }
  }

  byte[] readReply(Command command, int length) {
    return read(command, Stage.REPLY, null, length);
  }

  byte[] readData(Command command, long address, int length) {
    return read(command, Stage.REPLY, address, length);
  }

  private byte[] read(Command command, Stage stage, Long address, int length) {
    Duration timeout = timeouts.replyOf(length);
    try {
      return link.read(length, timeout);
    } catch (LinkTimeoutException e) {
      throw new NoReplyException(command, stage, address, timeout, e.received(), length, e);
    }
  }
}
