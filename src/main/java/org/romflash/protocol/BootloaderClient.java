package org.romflash.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.romflash.link.Link;

/**
 * The host side of AN3155: synchronises with the bootloader and runs its commands, one method each.
 *
 * <p>Every method sends exactly the frames AN3155 defines and checks every reply; it either completes
 * or throws a {@link BootloaderException} naming the command and stage. When {@link #connect()} has
 * read the command list, a command the chip does not list is refused before anything is sent.
 * Commands after which the chip resets itself (AN3155 3.9 to 3.12) re-synchronise by polling.
 */
public final class BootloaderClient {
  /** Page or sector numbers per Extended Erase command; bootloader buffers are small. */
  public static final int EXTENDED_ERASE_BATCH = 128;
  /** Page numbers per Erase (0x43) command: one-byte count, 0xFF reserved for global erase. */
  public static final int ERASE_BATCH = 255;

  private final Link link;
  private final Timeouts timeouts;
  private final Exchange exchange;
  private final ChecksumCommands checksums;
  private final Synchroniser synchroniser;
  private BootloaderInfo info;
  private boolean sendAhead = true;

  public BootloaderClient(Link link, Timeouts timeouts) {
    this.link = link;
    this.timeouts = timeouts;
    this.exchange = new Exchange(link, timeouts);
    this.checksums = new ChecksumCommands(exchange, timeouts);
    this.synchroniser = new Synchroniser(link, timeouts);
  }

  public Link link() {
    return link;
  }

  public Timeouts timeouts() {
    return timeouts;
  }

  /**
   * Sends 0x7F until the bootloader answers (AN3155 section 1); see {@link Synchroniser}.
   *
   * @return true when the chip answered ACK (fresh autobaud), false for NACK (already synchronised)
   */
  public boolean synchronise() {
    return synchroniser.synchronise();
  }

  /**
   * Sends 0x7F (twice if the first gets no answer) and reports what came back within {@code window},
   * for diagnosing a line whose state is unknown; see {@link Synchroniser}. After {@link
   * SyncAnswer.Ack} or {@link SyncAnswer.Nack} the bootloader waits for a command: {@link #get()}
   * may follow directly.
   */
  public SyncAnswer probe(Duration window) {
    return synchroniser.probe(window);
  }

  /**
   * Brings a bootloader stuck in the middle of a frame back to waiting for a command; see {@link
   * Synchroniser}.
   */
  public void recover() {
    synchroniser.recover();
  }

  /**
   * Waits up to {@code deadline} for the bootloader to start again after code started with {@link
   * #go} jumped back into it, by polling with 0x7F; see {@link Synchroniser}. The command list read
   * before stays valid: it is the same bootloader.
   *
   * @throws NoReplyException when the chip does not answer in time
   */
  public void awaitRestart(Duration deadline) {
    synchroniser.reacquire(deadline);
  }

  /** Synchronises (0x7F) and reads the command list with Get. */
  public BootloaderInfo connect() {
    synchronise();
    info = null;
    return get();
  }

  /** Get (0x00, AN3155 3.1): protocol version and the commands offered. Cached after the first. */
  public BootloaderInfo get() {
    if (info != null) {
      return info;
    }
    exchange.command(Command.GET);
    int n = exchange.readReply(Command.GET, 1)[0] & 0xFF;
    byte[] body = exchange.readReply(Command.GET, n + 1);
    exchange.awaitAck(Command.GET, Stage.REPLY, null, timeouts.reply());
    List<Integer> codes = new ArrayList<>();
    for (int i = 1; i < body.length; i++) {
      codes.add(body[i] & 0xFF);
    }
    info = new BootloaderInfo(body[0] & 0xFF, codes);
    return info;
  }

  /** Get Version (0x01, AN3155 3.2): version and the two compatibility option bytes. */
  public VersionInfo getVersion() {
    exchange.commandIfOffered(info, Command.GET_VERSION);
    byte[] reply = exchange.readReply(Command.GET_VERSION, 3);
    exchange.awaitAck(Command.GET_VERSION, Stage.REPLY, null, timeouts.reply());
    return new VersionInfo(reply[0] & 0xFF, reply[1] & 0xFF, reply[2] & 0xFF);
  }

  /** Get ID (0x02, AN3155 3.3): the product ID, sent as N then N + 1 bytes, most significant first. */
  public int getId() {
    exchange.commandIfOffered(info, Command.GET_ID);
    int n = exchange.readReply(Command.GET_ID, 1)[0] & 0xFF;
    byte[] id = exchange.readReply(Command.GET_ID, n + 1);
    exchange.awaitAck(Command.GET_ID, Stage.REPLY, null, timeouts.reply());
    int pid = 0;
    for (byte b : id) {
      pid = (pid << 8) | (b & 0xFF);
    }
    return pid;
  }

  /**
   * Read Memory (0x11, AN3155 3.4): 1 to 256 bytes from {@code address}. Sent ahead in one burst
   * (command, address, length) when {@link #sendAhead(boolean) on} and {@link SendAhead#harmless}.
   */
  public byte[] readMemory(long address, int length) {
    byte[] lengthFrame = Frames.readLength(length);
    if (sendAhead && (info == null || info.supports(Command.READ_MEMORY))) {
      byte[] burst = Frames.concat(Command.READ_MEMORY.opening(), Frames.address(address),
          lengthFrame);
      if (SendAhead.harmless(burst)) {
        exchange.burst(Command.READ_MEMORY, address, burst, Stage.LENGTH, timeouts.reply(),
            synchroniser);
        return exchange.readData(Command.READ_MEMORY, address, length);
      }
    }
    exchange.commandIfOffered(info, Command.READ_MEMORY);
    exchange.send(Command.READ_MEMORY, Stage.ADDRESS, address, Frames.address(address),
        timeouts.reply());
    exchange.send(Command.READ_MEMORY, Stage.LENGTH, address, lengthFrame, timeouts.reply());
    return exchange.readData(Command.READ_MEMORY, address, length);
  }

  /**
   * Whether read protection is active: a Read Memory of one byte at {@code flashAddress} is refused
   * at the command stage exactly then (AN3155 3.4). A refusal at another stage is thrown.
   */
  public boolean readProtected(long flashAddress) {
    boolean ahead = sendAhead;
    sendAhead = false; // the refusal is expected here: no burst for the chip to misread
    try {
      readMemory(flashAddress, 1);
      return false;
    } catch (NackException e) {
      if (e.stage() == Stage.COMMAND) {
        return true;
      }
      throw e;
    } finally {
      sendAhead = ahead;
    }
  }

  /** Go (0x21, AN3155 3.5): jump to the code at {@code address}; the bootloader stops answering. */
  public void go(long address) {
    exchange.commandIfOffered(info, Command.GO);
    exchange.send(Command.GO, Stage.ADDRESS, address, Frames.address(address), timeouts.reply());
  }

  /**
   * Write Memory (0x31, AN3155 3.6): 1 to 256 bytes at a 4-byte aligned {@code address}. The data is
   * padded with 0xFF to a multiple of four bytes, as the bootloader requires. When {@link
   * #sendAhead(boolean) sending ahead} is on and {@link SendAhead#harmless} allows it, command,
   * address and data go out in one burst and the three ACKs are read afterwards.
   */
  public void writeMemory(long address, byte[] data) {
    if ((address & 3) != 0) {
      throw new IllegalArgumentException(String.format("write address 0x%08X is not 4-byte aligned",
          address));
    }
    byte[] frame = Frames.writeData(padToFour(data));
    Duration programmed = timeouts.writeBlock().plus(timeouts.byteTime().multipliedBy(
        frame.length));
    if (sendAhead && (info == null || info.supports(Command.WRITE_MEMORY))) {
      byte[] burst = Frames.concat(Command.WRITE_MEMORY.opening(), Frames.address(address), frame);
      if (SendAhead.harmless(burst)) {
        exchange.burst(Command.WRITE_MEMORY, address, burst, Stage.DATA, programmed,
            synchroniser);
        return;
      }
    }
    exchange.commandIfOffered(info, Command.WRITE_MEMORY);
    exchange.send(Command.WRITE_MEMORY, Stage.ADDRESS, address, Frames.address(address),
        timeouts.reply());
    exchange.send(Command.WRITE_MEMORY, Stage.DATA, address, frame, programmed);
  }

  /**
   * Whether Write Memory and Read Memory may send their frames ahead of the ACKs (on by default).
   * Turned off, every frame waits for the ACK of the one before, as AN3155 draws it.
   */
  public void sendAhead(boolean on) {
    sendAhead = on;
  }

  public boolean sendsAhead() {
    return sendAhead;
  }

  /**
   * Write Memory to the option bytes (AN3155 3.6): the chip programs them, resets to load them, and
   * is synchronised again before this returns.
   */
  public void writeOptionBytes(long address, byte[] data) {
    writeMemory(address, data);
    synchroniser.afterReset(Command.WRITE_MEMORY);
  }

  /**
   * Erases the whole user flash: Extended Erase 0xFFFF when offered, else Erase with 0xFF 0x00.
   *
   * @param timeout how long the chip may take: see {@link Timeouts#eraseOf(long)}
   */
  public void massErase(Duration timeout) {
    if (offersExtendedErase()) {
      exchange.command(Command.EXTENDED_ERASE);
      exchange.send(Command.EXTENDED_ERASE, Stage.DATA, null, Frames.extendedEraseSpecial(0xFFFF),
          timeout);
    } else {
      exchange.commandIfOffered(info, Command.ERASE);
      exchange.send(Command.ERASE, Stage.DATA, null, Frames.eraseGlobal(), timeout);
    }
  }

  /** Extended Erase of one bank (0xFFFE for bank 1, 0xFFFD for bank 2; AN3155 3.8). */
  public void eraseBank(int bank, Duration timeout) {
    if (bank != 1 && bank != 2) {
      throw new IllegalArgumentException("bank must be 1 or 2, not " + bank);
    }
    exchange.commandIfOffered(info, Command.EXTENDED_ERASE);
    exchange.send(Command.EXTENDED_ERASE, Stage.DATA, null,
        Frames.extendedEraseSpecial(bank == 1 ? 0xFFFE : 0xFFFD), timeout);
  }

  /**
   * Erases pages (or sectors) by number, in as many commands as the list needs: Extended Erase when
   * offered, else Erase.
   *
   * @param timeoutPerBatch given the pages of one batch, how long their erase may take
   */
  public void erasePages(List<Integer> pages, java.util.function.Function<List<Integer>, Duration>
      timeoutPerBatch) {
    boolean extended = offersExtendedErase();
    int batch = extended ? EXTENDED_ERASE_BATCH : ERASE_BATCH;
    for (int from = 0; from < pages.size(); from += batch) {
      List<Integer> part = pages.subList(from, Math.min(pages.size(), from + batch));
      Duration timeout = timeoutPerBatch.apply(part);
      if (extended) {
        exchange.command(Command.EXTENDED_ERASE);
        exchange.send(Command.EXTENDED_ERASE, Stage.DATA, null, Frames.extendedErasePages(part),
            timeout);
      } else {
        exchange.commandIfOffered(info, Command.ERASE);
        exchange.send(Command.ERASE, Stage.DATA, null, Frames.erasePages(part), timeout);
      }
    }
  }

  /** Write Protect (0x63, AN3155 3.9) for the given sectors; the chip then resets. */
  public void writeProtect(List<Integer> sectors) {
    exchange.commandIfOffered(info, Command.WRITE_PROTECT);
    exchange.send(Command.WRITE_PROTECT, Stage.DATA, null, Frames.sectorList(sectors),
        timeouts.eraseOf(1));
    synchroniser.afterReset(Command.WRITE_PROTECT);
  }

  /** Write Unprotect (0x73, AN3155 3.10) of all flash; the chip then resets. */
  public void writeUnprotect() {
    commandWithCompletion(Command.WRITE_UNPROTECT, timeouts.eraseOf(1));
  }

  /** Readout Protect (0x82, AN3155 3.11); the chip then resets. */
  public void readoutProtect() {
    commandWithCompletion(Command.READOUT_PROTECT, timeouts.eraseOf(1));
  }

  /**
   * Readout Unprotect (0x92, AN3155 3.12): the chip mass-erases its flash, answers a second ACK and
   * resets.
   *
   * @param massEraseTimeout how long the mass erase may take; see {@link Timeouts#eraseOf(long)}
   */
  public void readoutUnprotect(Duration massEraseTimeout) {
    commandWithCompletion(Command.READOUT_UNPROTECT, massEraseTimeout);
  }

  /**
   * Get Checksum (0xA1, AN3155 3.13): the chip's CRC of {@code length} bytes (a multiple of four)
   * from a 4-byte aligned {@code address}, with the STM32 CRC unit's polynomial and initial value.
   */
  public int getChecksum(long address, long length) {
    return checksums.checksum(info, address, length, 0x04C11DB7, 0xFFFFFFFF);
  }

  /** Special (0x50, AN3155 3.14): a product-specific sub-opcode with up to 128 bytes of data. */
  public SpecialReply special(int opcode, byte[] data) {
    return checksums.special(info, opcode, data);
  }

  /**
   * Extended Special (0x51, AN3155 3.15): a sub-opcode with two packets of up to 128 and 1024 bytes.
   */
  public SpecialReply extendedSpecial(int opcode, byte[] first, byte[] second) {
    return checksums.extendedSpecial(info, opcode, first, second);
  }

  private void commandWithCompletion(Command command, Duration completion) {
    exchange.commandIfOffered(info, command);
    exchange.awaitAck(command, Stage.COMPLETION, null, completion);
    synchroniser.afterReset(command);
  }

  private boolean offersExtendedErase() {
    return info != null && info.supports(Command.EXTENDED_ERASE);
  }

  private static byte[] padToFour(byte[] data) {
    int padded = (data.length + 3) & ~3;
    if (padded == data.length) {
      return data;
    }
    byte[] copy = java.util.Arrays.copyOf(data, padded);
    java.util.Arrays.fill(copy, data.length, padded, (byte) 0xFF);
    return copy;
  }


}
