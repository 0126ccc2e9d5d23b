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
   * Sends a whole command (code, address, data frame) at once, then expects the ACKs of its three
   * stages. On any failure it first waits for the chip to fall silent, since a chip thrown out of
   * the frame answers the rest of the burst byte pair by byte pair.
   */
  void burst(Command command, long address, byte[] burst, Duration last, Synchroniser quiet) {
    link.write(burst);
    try {
      awaitAck(command, Stage.COMMAND, null, timeouts.reply());
      awaitAck(command, Stage.ADDRESS, address, timeouts.reply());
      awaitAck(command, Stage.DATA, address, last);
    } catch (BootloaderException e) {
      quiet.awaitSilence(timeouts.byteTime().multipliedBy(burst.length));
      throw e;
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
