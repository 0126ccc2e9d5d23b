package org.romflash.swd.sim;

import java.io.ByteArrayOutputStream;
import org.romflash.swd.dap.DapCommand;
import org.romflash.swd.dap.DapPackets;

/** The simulated probe's answer to each CMSIS-DAP command. */
final class SimulatedDapCommands {
  private SimulatedDapCommands() {}

  static byte[] answer(byte[] c, SimulatedChip chip, SimulatedDebugPort port) {
    DapCommand command = DapCommand.of(c[0] & 0xFF);
    if (command == null) {
      return new byte[] {(byte) 0xFF};
    }
    return switch (command) {
      case INFO -> SimulatedDapProbe.info(c[1] & 0xFF);
      case CONNECT -> new byte[] {c[0], (byte) ((c[1] & 0xFF) <= 1 ? 1 : 0)};
      case SWJ_SEQUENCE -> {
        int bits = (c[1] & 0xFF) == 0 ? 256 : c[1] & 0xFF;
        port.sequence(bits, java.util.Arrays.copyOfRange(c, 2, 2 + (bits + 7) / 8));
        yield ok(c);
      }
      case SWJ_PINS -> {
        if ((c[2] & 0x80) != 0) {
          chip.holdInReset((c[1] & 0x80) == 0);
        }
        yield new byte[] {c[0], (byte) (c[1] & c[2])};
      }
      case TRANSFER -> transfer(c, port);
      case TRANSFER_BLOCK -> block(c, port);
      case WRITE_ABORT -> {
        port.transfer(0x0, SimulatedDapProbe.word(c, 2));
        yield ok(c);
      }
      case RESET_TARGET -> new byte[] {c[0], 0, 0};
      case DISCONNECT, SWJ_CLOCK, TRANSFER_CONFIGURE, SWD_CONFIGURE -> ok(c);
    };
  }

  private static byte[] ok(byte[] c) {
    return new byte[] {c[0], (byte) DapCommand.DAP_OK};
  }

  private static byte[] transfer(byte[] c, SimulatedDebugPort port) {
    int count = c[2] & 0xFF;
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int at = 3;
    int done = 0;
    int ack = SimulatedDebugPort.OK;
    for (int i = 0; i < count; i++) {
      int request = c[at++] & 0xFF;
      int value = 0;
      if ((request & 2) == 0) {
        value = SimulatedDapProbe.word(c, at);
        at += 4;
      }
      int[] result = port.transfer(request, value);
      ack = result[0];
      if (ack != SimulatedDebugPort.OK) {
        break;
      }
      if ((request & 2) != 0) {
        word(data, result[1]);
      }
      done++;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(c[0]);
    out.write(done);
    out.write(ack);
    out.writeBytes(data.toByteArray());
    return out.toByteArray();
  }

  private static byte[] block(byte[] c, SimulatedDebugPort port) {
    int count = DapPackets.halfAt(c, 2);
    int request = c[4] & 0xFF;
    boolean read = (request & 2) != 0;
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int done = 0;
    int ack = SimulatedDebugPort.OK;
    for (int i = 0; i < count; i++) {
      int[] result = port.transfer(request, read ? 0 : SimulatedDapProbe.word(c, 5 + 4 * i));
      ack = result[0];
      if (ack != SimulatedDebugPort.OK) {
        break;
      }
      if (read) {
        word(data, result[1]);
      }
      done++;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(c[0]);
    out.write(done & 0xFF);
    out.write(done >> 8);
    out.write(ack);
    out.writeBytes(data.toByteArray());
    return out.toByteArray();
  }

  private static void word(ByteArrayOutputStream out, int value) {
    for (int b = 0; b < 4; b++) {
      out.write(value >>> (8 * b));
    }
  }
}
