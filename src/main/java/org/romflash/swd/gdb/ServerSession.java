package org.romflash.swd.gdb;

import java.time.Duration;
import org.romflash.device.Device;
import org.romflash.flash.FlashTarget;
import org.romflash.link.Link;
import org.romflash.swd.CoreControl;
import org.romflash.swd.DebugMemory;

/**
 * One GDB connection to {@link GdbRspServer}: receives packets until GDB kills ({@code k}),
 * detaches ({@code D}) or hangs up, and answers each. Run control is minimal, as the served
 * targets have no CPU: {@code c} resumes the core and waits for the interrupt byte, then halts it
 * and reports SIGINT; {@code s} reports a stop at once without moving. Packets it does not know
 * get the empty reply.
 */
final class ServerSession {
  /** How long the session waits for GDB's next packet: GDB may sit idle for as long as it likes. */
  private static final Duration IDLE = Duration.ofDays(1);
  private static final Duration ACK = Duration.ofSeconds(5);
  private static final String STOPPED_BY_TRAP = "S05";
  private static final String STOPPED_BY_INTERRUPT = "S02";

  private final RspConnection connection;
  private final DebugMemory memory;
  private final CoreControl core;
  private final Device device;
  private final RegisterFile registers;
  private final QueryPackets queries;
  private final MemoryPackets memoryPackets;

  ServerSession(Link link, DebugMemory memory, CoreControl core, FlashTarget flash, Device device,
      int packetSize) {
    this.connection = new RspConnection(link);
    this.memory = memory;
    this.core = core;
    this.device = device;
    this.registers = new RegisterFile(device);
    this.queries = new QueryPackets(device, packetSize, registers);
    this.memoryPackets = new MemoryPackets(memory, flash, device, packetSize);
  }

  /** Serves until GDB goes; link failures (GDB hung up, the server closed) end it quietly. */
  void run() {
    while (true) {
      Incoming item = connection.receive(IDLE);
      if (!(item instanceof Incoming.Packet packet)) {
        continue;
      }
      String text = Packets.text(packet.data());
      if (text.equals("k")) {
        return;
      }
      if (text.startsWith("qRcmd,")) {
        monitor(Hex.text(text.substring(6), "qRcmd"));
        continue;
      }
      send(answer(text));
      if (text.equals("QStartNoAckMode")) {
        connection.stopAcks();
      }
      if (text.startsWith("D")) {
        core.resume();
        return;
      }
    }
  }

  private String answer(String packet) {
    switch (packet) {
      case "?", "s":
        return STOPPED_BY_TRAP;
      case "c":
        return runUntilInterrupted();
      case "QStartNoAckMode":
      case "D":
        return "OK";
      default:
        break;
    }
    if (packet.startsWith("D;")) {
      return "OK";
    }
    if (packet.startsWith("vAttach;")) {
      core.halt();
      return STOPPED_BY_TRAP;
    }
    String reply = queries.answer(packet);
    if (reply == null) {
      reply = memoryPackets.answer(packet);
    }
    return reply == null ? "" : reply;
  }

  private String runUntilInterrupted() {
    core.resume();
    while (!(connection.receive(IDLE) instanceof Incoming.Interrupt)) {
      // In all-stop mode GDB sends nothing but 0x03 while the target runs.
    }
    core.halt();
    return STOPPED_BY_INTERRUPT;
  }

  /** qRcmd: reset halt, reset run (or reset), halt; output as O packets, then OK. */
  private void monitor(String command) {
    String output;
    switch (command.trim()) {
      case "swdp_scan" -> output = "Target voltage: simulated\nAvailable Targets:\nNo. Att Driver\n"
          + " 1      STM32" + device.name() + "\n";
      case "reset halt" -> {
        core.resetAndHalt();
        registers.reset(memory, device.flash().base());
        output = String.format("reset; halted at pc 0x%08x%n", registers.pc());
      }
      case "reset run", "reset" -> {
        core.resetAndRun();
        output = "reset; running\n";
      }
      case "halt" -> {
        core.halt();
        output = "halted\n";
      }
      default -> {
        send("O" + Hex.ofText("unknown monitor command '" + command
            + "'; this server knows: reset halt, reset run, halt, swdp_scan\n"));
        send(MemoryPackets.ACCESS_FAILED);
        return;
      }
    }
    send("O" + Hex.ofText(output));
    send("OK");
  }

  private void send(String reply) {
    connection.send(Packets.bytes(reply), ACK);
  }
}
