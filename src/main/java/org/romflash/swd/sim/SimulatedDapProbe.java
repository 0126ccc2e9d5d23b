package org.romflash.swd.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.romflash.swd.dap.DapCommand;
import org.romflash.swd.dap.DapException;
import org.romflash.swd.dap.DapPackets;
import org.romflash.swd.dap.DapTransport;

/**
 * A CMSIS-DAP probe in process, wired to a {@link SimulatedChip}: it answers command packets as
 * the CMSIS-DAP specification says (DAP_Info, Connect, SWJ clock, sequence and pins, Transfer,
 * TransferBlock, WriteABORT, ResetTarget), takes up to its packet count of packets before their
 * responses are read, and refuses packets larger than its packet size.
 */
public final class SimulatedDapProbe implements DapTransport {
  public static final int PACKET_SIZE = 64;
  public static final int PACKET_COUNT = 4;

  private final SimulatedChip chip;
  private final SimulatedDebugPort port;
  private final Deque<byte[]> responses = new ArrayDeque<>();
  private int packets;

  public SimulatedDapProbe(SimulatedChip chip) {
    this.chip = chip;
    this.port = new SimulatedDebugPort(chip);
  }

  public SimulatedChip chip() {
    return chip;
  }

  /** Command packets received so far. */
  public int packets() {
    return packets;
  }

  @Override
  public String name() {
    return "simulated CMSIS-DAP (STM32" + chip.device().name() + ")";
  }

  @Override
  public void send(byte[] command) {
    if (responses.size() >= PACKET_COUNT) {
      throw new DapException(name() + ": more than " + PACKET_COUNT + " packets outstanding");
    }
    if (command.length > PACKET_SIZE) {
      throw new DapException(name() + ": a " + command.length + "-byte packet exceeds the packet"
          + " size " + PACKET_SIZE);
    }
    packets++;
    byte[] response = SimulatedDapCommands.answer(command, chip, port);
    if (response.length > PACKET_SIZE) {
      throw new DapException(name() + ": the response would need " + response.length + " bytes");
    }
    responses.add(response);
  }

  @Override
  public byte[] receive() {
    if (responses.isEmpty()) {
      throw new DapException(name() + ": no packet is waiting for its response");
    }
    return responses.removeFirst();
  }

  @Override
  public void close() {}

  static byte[] info(int id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(DapCommand.INFO.id());
    byte[] value = switch (id) {
      case 0x01 -> text("romflash");
      case 0x02 -> text("simulated CMSIS-DAP");
      case 0x03 -> text("SIM0001");
      case 0x04 -> text("2.1.0");
      case 0xF0 -> new byte[] {0x01};
      case 0xFE -> new byte[] {PACKET_COUNT};
      case 0xFF -> new byte[] {PACKET_SIZE, 0};
      default -> new byte[0];
    };
    out.write(value.length);
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static byte[] text(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return java.util.Arrays.copyOf(b, b.length + 1);
  }

  static int word(byte[] packet, int offset) {
    return DapPackets.wordAt(packet, offset);
  }
}
