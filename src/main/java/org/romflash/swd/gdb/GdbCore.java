package org.romflash.swd.gdb;

import org.romflash.swd.CoreControl;
import org.romflash.swd.DebugAccessException;

/**
 * The target's core through a GDB server in all-stop mode: halt is the interrupt byte 0x03 and the
 * stop reply it brings, resume is {@code c}, and the resets are monitor commands from a {@link
 * MonitorCommands} table. While the core runs after {@code c} the server takes no packets, so every
 * other request first halts it.
 */
public final class GdbCore implements CoreControl {
  /** Where the core is, as far as the server and we know. */
  private enum State {
    HALTED,
    /** Running after {@code c}: a stop reply is owed, 0x03 asks for it. */
    CONTINUED,
    /** Running after a reset-and-run monitor command: the server still thinks it halted. */
    RUNNING_BY_MONITOR
  }

  private final RspClient client;
  private final MonitorCommands monitor;
  private final GdbRegisters registers;
  private State state;

  /**
   * Asks the server why the target stopped ({@code ?}); GDB servers halt the core when a debugger
   * attaches, so it starts halted.
   */
  public GdbCore(RspClient client, MonitorCommands monitor) {
    this.client = client;
    this.monitor = monitor;
    this.registers = new GdbRegisters(client);
    String reason = client.stopReason();
    if (reason.charAt(0) != 'S' && reason.charAt(0) != 'T') {
      throw new RspException("?", reason, "the target is not stopped (stop reply '"
          + Packets.describe(reason) + "'): has it exited?");
    }
    state = State.HALTED;
  }

  @Override
  public void halt() {
    switch (state) {
      case HALTED -> { }
      case CONTINUED -> {
        String reply = client.interrupt();
        if (reply.isEmpty() || (reply.charAt(0) != 'S' && reply.charAt(0) != 'T')) {
          throw new RspException("\u0003", reply, "interrupt brought '"
              + Packets.describe(reply) + "', not a stop reply");
        }
      }
      case RUNNING_BY_MONITOR -> client.monitor(monitor.halt().orElseThrow());
    }
    state = State.HALTED;
  }

  @Override
  public void resume() {
    if (state == State.HALTED) {
      client.sendWithoutReply("c");
      state = State.CONTINUED;
    }
  }

  @Override
  public void resetAndHalt() {
    halt();
    String command = monitor.resetHalt().orElseThrow(() -> new DebugAccessException(
        monitor.server() + " has no monitor command to reset and halt the core"
            + (monitor == MonitorCommands.BLACK_MAGIC ? " (detach and attach again)" : "")));
    client.monitor(command);
  }

  @Override
  public void resetAndRun() {
    halt();
    if (monitor.runsByMonitor()) {
      client.monitor(monitor.resetRun().orElseThrow());
      state = State.RUNNING_BY_MONITOR;
    } else {
      resetAndHalt();
      resume();
    }
  }

  /**
   * A core register of the halted core, numbered as the server's target description numbers it
   * (ARM: r0-r12 are 0-12, sp 13, lr 14, pc 15).
   */
  public int readRegister(int number) {
    halt();
    return registers.read(number);
  }

  /** Sets a core register of the halted core; numbers as for {@link #readRegister}. */
  public void writeRegister(int number, int value) {
    halt();
    registers.write(number, value);
  }

  @Override
  public boolean halted() {
    return state == State.HALTED;
  }
}
