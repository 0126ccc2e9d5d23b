package org.romflash.swd.dap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CMSIS-DAP probe in SWD mode: the commands the debug layers above need, with DAP_Transfer and
 * DAP_TransferBlock split into packets that fit the probe's packet size, and up to its packet count
 * of them in flight at once.
 */
public final class CmsisDap implements AutoCloseable {
  public static final int INFO_SERIAL = 0x03;
  public static final int INFO_CAPABILITIES = 0xF0;
  public static final int INFO_PACKET_COUNT = 0xFE;
  public static final int INFO_PACKET_SIZE = 0xFF;
  /** The nRESET pin in DAP_SWJ_Pins. */
  public static final int PIN_NRESET = 0x80;

  private final DapTransport transport;
  private final int packetSize;
  private final int packetCount;

  private CmsisDap(DapTransport transport, int packetSize, int packetCount) {
    this.transport = transport;
    this.packetSize = packetSize;
    this.packetCount = packetCount;
  }

  /** Asks the probe its packet size and count, and refuses one without SWD. */
  public static CmsisDap open(DapTransport transport) {
    byte[] size = info(transport, INFO_PACKET_SIZE);
    byte[] count = info(transport, INFO_PACKET_COUNT);
    byte[] capabilities = info(transport, INFO_CAPABILITIES);
    if (size.length < 2 || count.length < 1 || capabilities.length < 1) {
      throw new DapException(transport.name() + ": DAP_Info gave no packet size, count or"
          + " capabilities");
    }
    if ((capabilities[0] & 0x01) == 0) {
      throw new DapException(transport.name() + ": the probe does not offer SWD");
    }
    return new CmsisDap(transport, DapPackets.halfAt(size, 0), Math.max(1, count[0] & 0xFF));
  }

  private static byte[] info(DapTransport transport, int id) {
    byte[] response = transport.exchange(DapPackets.info(id));
    expect(transport, DapCommand.INFO, response, 2);
    int length = response[1] & 0xFF;
    if (response.length < 2 + length) {
      throw new DapException(transport.name() + ": DAP_Info 0x" + Integer.toHexString(id)
          + " answered " + length + " bytes but sent " + (response.length - 2));
    }
    return Arrays.copyOfRange(response, 2, 2 + length);
  }

  public String name() {
    return transport.name();
  }

  public int packetSize() {
    return packetSize;
  }

  public int packetCount() {
    return packetCount;
  }

  /** A DAP_Info string (vendor, product, serial, versions); empty when the probe has none. */
  public String infoText(int id) {
    byte[] text = info(transport, id);
    int end = 0;
    while (end < text.length && text[end] != 0) {
      end++;
    }
    return new String(text, 0, end, StandardCharsets.US_ASCII);
  }

  public void connectSwd() {
    byte[] r = command(DapCommand.CONNECT, DapPackets.connectSwd());
    if (r[1] != 1) {
      throw new DapException(name() + ": DAP_Connect did not switch to SWD (answered port "
          + r[1] + ")");
    }
  }

  public void swjClock(int hertz) {
    status(DapCommand.SWJ_CLOCK, DapPackets.swjClock(hertz));
  }

  public void transferConfigure(int idleCycles, int waitRetry, int matchRetry) {
    status(DapCommand.TRANSFER_CONFIGURE,
        DapPackets.transferConfigure(idleCycles, waitRetry, matchRetry));
  }

  public void swdConfigure(int configuration) {
    status(DapCommand.SWD_CONFIGURE, DapPackets.swdConfigure(configuration));
  }

  public void swjSequence(int bits, byte[] data) {
    status(DapCommand.SWJ_SEQUENCE, DapPackets.swjSequence(bits, data));
  }

  /** Drives the pins in {@code select}; returns the pin inputs the probe reads back. */
  public int swjPins(int output, int select, int waitUs) {
    return command(DapCommand.SWJ_PINS, DapPackets.swjPins(output, select, waitUs))[1] & 0xFF;
  }

  public void writeAbort(int value) {
    status(DapCommand.WRITE_ABORT, DapPackets.writeAbort(value));
  }

  /** DAP_ResetTarget: the probe's own (device-specific) reset, if it has one. */
  public boolean resetTarget() {
    byte[] r = command(DapCommand.RESET_TARGET, DapPackets.resetTarget());
    return r.length > 2 && r[1] == DapCommand.DAP_OK && r[2] == 1;
  }

  /**
   * Runs the accesses in order and returns the values read, in order; as many packets as needed,
   * each within the packet size both ways and 255 accesses.
   *
   * @throws TransferFailedException naming the access the target did not acknowledge
   */
  public int[] transfer(List<Transfer> transfers) {
    List<List<Transfer>> batches = TransferBatches.split(transfers, packetSize);
    List<Integer> values = new ArrayList<>();
    for (int first = 0; first < batches.size(); first += packetCount) {
      int last = Math.min(batches.size(), first + packetCount);
      for (int i = first; i < last; i++) {
        transport.send(DapPackets.transfer(batches.get(i)));
      }
      for (int i = first; i < last; i++) {
        collect(batches.get(i), transport.receive(), values);
      }
    }
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The response holds the count of accesses that completed, the acknowledge of the last one tried
   * and the values of the completed reads; an access that failed is the one after the count
   * (CMSIS-DAP, DAP_Transfer).
   */
  private void collect(List<Transfer> batch, byte[] r, List<Integer> values) {
    expect(transport, DapCommand.TRANSFER, r, 3);
    int done = r[1] & 0xFF;
    int ack = r[2] & 0xFF;
    int offset = 3;
    for (int i = 0; i < done && i < batch.size(); i++) {
      if (batch.get(i).read()) {
        values.add(DapPackets.wordAt(r, offset));
        offset += 4;
      }
    }
    if (done < batch.size() || ack != 1) {
      int failed = Math.min(done, batch.size() - 1);
      throw new TransferFailedException(TransferFailedException.Ack.of(ack), batch.get(failed),
          failed);
    }
  }

  /** Reads {@code count} words from one register (DRW with auto-increment, typically). */
  public int[] readBlock(boolean ap, int register, int count) {
    int perPacket = (packetSize - 4) / 4;
    int[] out = new int[count];
    int at = 0;
    while (at < count) {
      int n = Math.min(perPacket, count - at);
      byte[] r = command(DapCommand.TRANSFER_BLOCK,
          DapPackets.transferBlockRead(ap, register, n));
      checkBlock(r, n, new Transfer(ap, true, register, 0), at);
      for (int i = 0; i < n; i++) {
        out[at + i] = DapPackets.wordAt(r, 4 + 4 * i);
      }
      at += n;
    }
    return out;
  }

  /** Writes {@code values} to one register, in as many packets as needed. */
  public void writeBlock(boolean ap, int register, int[] values) {
    int perPacket = (packetSize - 5) / 4;
    for (int at = 0; at < values.length; at += perPacket) {
      int n = Math.min(perPacket, values.length - at);
      byte[] r = command(DapCommand.TRANSFER_BLOCK, DapPackets.transferBlockWrite(ap, register,
          Arrays.copyOfRange(values, at, at + n)));
      checkBlock(r, n, new Transfer(ap, false, register, 0), at);
    }
  }

  private void checkBlock(byte[] r, int n, Transfer kind, int before) {
    expect(transport, DapCommand.TRANSFER_BLOCK, r, 4);
    int done = DapPackets.halfAt(r, 1);
    int ack = r[3] & 0xFF;
    if (done != n || ack != 1) {
      throw new TransferFailedException(TransferFailedException.Ack.of(ack), kind, before + done);
    }
  }

  private byte[] command(DapCommand command, byte[] packet) {
    byte[] r = transport.exchange(packet);
    expect(transport, command, r, 2);
    return r;
  }

  private void status(DapCommand command, byte[] packet) {
    byte[] r = command(command, packet);
    if ((r[1] & 0xFF) != DapCommand.DAP_OK) {
      throw new DapException(name() + ": " + command + " answered DAP_ERROR");
    }
  }

  private static void expect(DapTransport transport, DapCommand command, byte[] r, int length) {
    if (r.length < length || (r[0] & 0xFF) != command.id()) {
      throw new DapException(transport.name() + ": expected a response to " + command + ", got "
          + (r.length == 0 ? "nothing" : String.format("%d bytes starting 0x%02X", r.length,
              r[0] & 0xFF)));
    }
  }

  /** DAP_Disconnect, then releases the transport. */
  @Override
  public void close() {
    try {
      transport.exchange(DapPackets.disconnect());
    } catch (DapException ignored) {
      // The probe may be gone already; releasing it is what matters.
    } finally {
      transport.close();
    }
  }
}
