package org.romflash.emulator;

import java.util.Set;
import org.romflash.device.BootloaderProfile;
import org.romflash.emulator.TargetPort.StoppedException;
import org.romflash.protocol.Command;

/**
 * The target side of AN3155: the loop a ROM bootloader runs on its USART.
 *
 * <pre>
 *  reset ──► AWAIT_SYNC ──0x7F/ACK──► COMMAND ──Go──► APPLICATION (deaf until reset)
 *                ▲                      │  ▲
 *                └── protection cmds ───┘  └── after every command, ACKed or NACKed
 * </pre>
 *
 * In COMMAND state every pair of bytes is a command code and its complement; a bad pair, or a
 * command the profile does not offer, is answered NACK. Under read-out protection only Get, Get
 * Version, Get ID and Readout Unprotect are served (AN3155 table 2); at level 2 the chip does not
 * run its bootloader at all.
 */
public final class Bootloader implements Runnable {
  private static final Set<Command> ALLOWED_WHEN_PROTECTED =
      Set.of(Command.GET, Command.GET_VERSION, Command.GET_ID, Command.READOUT_UNPROTECT);

  enum State { AWAIT_SYNC, COMMAND, APPLICATION }

  private final Chip chip;
  private final BootloaderProfile profile;
  private final TargetPort port;
  private final Frame frame;
  private final MemoryCommands memory;
  private final EraseCommands erase;
  private final ProtectionCommands protection;
  private final TimingModel timing;
  private final RamCode ramCode;
  private volatile State state = State.AWAIT_SYNC;

  Bootloader(Chip chip, BootloaderProfile profile, TargetPort port, TimingModel timing,
      RamCode ramCode) {
    this.chip = chip;
    this.ramCode = ramCode;
    this.profile = profile;
    this.port = port;
    this.timing = timing;
    this.frame = new Frame(port);
    this.memory = new MemoryCommands(this);
    this.erase = new EraseCommands(this);
    this.protection = new ProtectionCommands(this);
  }

  @Override
  public void run() {
    try {
      while (!port.stopped()) {
        step();
      }
    } catch (StoppedException e) {
      // The link closed or the emulator was stopped: the chip is switched off.
    }
  }

  /** Skips autobaud, as if a 0x7F had already been answered. */
  void assumeSynchronised() {
    state = State.COMMAND;
  }

  State state() {
    return state;
  }

  private void step() throws StoppedException {
    int first = port.next();
    switch (state) {
      case AWAIT_SYNC -> {
        if (first == 0x7F && chip.readProtectionLevel() < 2) {
          port.send((byte) 0x79);
          state = State.COMMAND;
        }
      }
      case APPLICATION -> { }
      case COMMAND -> command(first, port.next());
    }
  }

  private void command(int code, int complement) throws StoppedException {
    Command command = Command.ofCode(code).orElse(null);
    if ((code ^ complement) != 0xFF || command == null || !profile.commands().contains(code)
        || (chip.readProtected() && !ALLOWED_WHEN_PROTECTED.contains(command))) {
      port.nack();
      return;
    }
    if (!port.ack()) {
      return;
    }
    switch (command) {
      case GET -> get();
      case GET_VERSION -> reply(profile.version(), 0x00, 0x00);
      case GET_ID -> reply(0x01, chip.device().pid() >> 8, chip.device().pid() & 0xFF);
      case READ_MEMORY -> memory.read();
      case GO -> memory.go();
      case WRITE_MEMORY -> memory.write();
      case GET_CHECKSUM -> memory.checksum();
      case ERASE -> erase.erase();
      case EXTENDED_ERASE -> erase.extendedErase();
      case WRITE_PROTECT -> protection.writeProtect();
      case WRITE_UNPROTECT -> protection.writeUnprotect();
      case READOUT_PROTECT -> protection.readoutProtect();
      case READOUT_UNPROTECT -> protection.readoutUnprotect();
      case SPECIAL, EXTENDED_SPECIAL -> protection.special();
      case SYNC -> port.nack();
    }
  }

  private void get() {
    byte[] reply = new byte[profile.commands().size() + 3];
    reply[0] = (byte) profile.commands().size();
    reply[1] = (byte) profile.version();
    for (int i = 0; i < profile.commands().size(); i++) {
      reply[i + 2] = profile.commands().get(i).byteValue();
    }
    reply[reply.length - 1] = 0x79;
    port.send(reply);
  }

  private void reply(int... values) {
    byte[] reply = new byte[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      reply[i] = (byte) values[i];
    }
    reply[values.length] = 0x79;
    port.send(reply);
  }

  /** The chip resets: input during the reset is lost and the next 0x7F is autobaud again. */
  void reset() {
    chip.countReset();
    port.reset();
    state = State.AWAIT_SYNC;
  }

  /**
   * Code started with Go ran for {@code busy} and jumped back into the bootloader's reset handler:
   * the bootloader starts again (not a chip reset) and waits for 0x7F; input meanwhile is lost.
   */
  void restart(java.time.Duration busy) {
    port.busy(busy);
    port.reset();
    state = State.AWAIT_SYNC;
  }

  /** A reset from outside; see {@link Emulator#pressReset()}. */
  void pressReset() {
    chip.countReset();
    state = State.AWAIT_SYNC;
  }

  /** Go: the bootloader hands the chip to the application and stops listening. */
  void leave() {
    state = State.APPLICATION;
  }

  RamCode ramCode() {
    return ramCode;
  }

  TimingModel timing() {
    return timing;
  }

  Chip chip() {
    return chip;
  }

  TargetPort port() {
    return port;
  }

  Frame frame() {
    return frame;
  }
}
