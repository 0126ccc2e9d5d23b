package org.romflash.swd.gdb;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.flash.Crc32Stm32;
import org.romflash.flash.FlashTarget;
import org.romflash.flash.VerifyResult;

/**
 * A chip's flash through a GDB server that programs it: the server's memory map
 * (qXfer:memory-map:read) says where flash is and in which blocks it erases; vFlashErase erases
 * whole blocks, vFlashWrite sends data, vFlashDone ends a programming sequence (GDB manual, "Remote
 * Protocol", Packets: vFlash*). Servers may buffer writes until vFlashDone, so it is sent before
 * anything that must see the result: a read, an erase, a checksum, {@link #go} and {@link #close}.
 *
 * <p>A server without a flash map (QEMU's gdbstub) gets plain memory writes ({@code X}/{@code M})
 * and "erase" writes the erased value: right for emulators whose flash is memory, and on real
 * silicon such writes fail as the bus faults they are.
 *
 * <p>Checksums: qCRC computes GDB's CRC-32 ({@link GdbCrc}), not the STM32 CRC the {@link
 * FlashTarget#checksum} contract promises, and one cannot be derived from the other. So {@link
 * #offersChecksum} is false and {@link #checksum} reads back and computes the STM32 CRC here, while
 * {@link #verifyByQcrc} lets a verify path compare by qCRC without reading the bytes back.
 */
public final class GdbFlashTarget implements FlashTarget, AutoCloseable {
  /** Bytes per {@link #write}: any size works, split into packets; 1 KiB keeps progress smooth. */
  static final int WRITE_BLOCK = 1024;
  private static final int READ_CHUNK = 4096;

  private final RspClient client;
  private final GdbMemory memory;
  private final GdbCore core;
  private final Device device;
  private final MemoryMap map;
  private boolean writesPending;

  private GdbFlashTarget(RspClient client, GdbCore core, Device device, MemoryMap map) {
    this.client = client;
    this.memory = new GdbMemory(client);
    this.core = core;
    this.device = device;
    this.map = map;
  }

  /** Reads the server's memory map (an empty one when it offers none) and wraps the server. */
  public static GdbFlashTarget open(RspClient client, GdbCore core, Device device) {
    MemoryMap map = new MemoryMap(List.of());
    if (client.features().memoryMap()) {
      byte[] xml = client.readXfer("memory-map", "");
      try {
        map = MemoryMapXml.parse(xml);
      } catch (IllegalArgumentException e) {
        throw new RspException("qXfer:memory-map:read", Packets.text(xml),
            "the GDB server's memory map is unreadable: " + e.getMessage(), e);
      }
    }
    return new GdbFlashTarget(client, core, device, map);
  }

  MemoryMap memoryMap() {
    return map;
  }

  /** Whether the server declared flash, so programming uses vFlash packets. */
  public boolean programsFlash() {
    return map.hasFlash();
  }

  @Override
  public Device device() {
    return device;
  }

  @Override
  public byte[] read(long address, int length) {
    finish();
    return memory.read(address, length);
  }

  @Override
  public void write(long address, byte[] block) {
    if (block.length > WRITE_BLOCK) {
      throw new IllegalArgumentException(block.length + " bytes is more than one block of "
          + WRITE_BLOCK);
    }
    if (map.flashAt(address).isEmpty()) {
      int access = address % 4 == 0 && block.length % 4 == 0 ? 4
          : address % 2 == 0 && block.length % 2 == 0 ? 2 : 1;
      memory.write(address, block, access);
      return;
    }
    for (int offset = 0; offset < block.length; ) {
      String header = "vFlashWrite:" + Hex.number(address + offset) + ":";
      int n = BinaryEscape.fitting(block, offset, block.length - offset,
          client.packetSize() - header.length());
      ByteArrayOutputStream packet = new ByteArrayOutputStream();
      packet.writeBytes(Packets.bytes(header));
      packet.writeBytes(BinaryEscape.escape(block, offset, n));
      client.requireOk(packet.toByteArray(), client.timeouts().reply());
      writesPending = true;
      offset += n;
    }
  }

  @Override
  public int writeBlockSize() {
    return WRITE_BLOCK;
  }

  /** Erases each run of adjacent units with one vFlashErase, widened to the map's blocks. */
  @Override
  public void erase(List<EraseUnit> units) {
    finish();
    for (long[] run : UnitRuns.of(units)) {
      eraseRange(run[0], run[1]);
    }
  }

  /** The remote protocol has no mass erase: every flash region of the map is erased instead. */
  @Override
  public void massErase() {
    finish();
    if (!map.hasFlash()) {
      erase(device.flash().units());
      return;
    }
    for (MemoryMap.Region region : map.flash()) {
      eraseRange(region.start(), region.end());
    }
  }

  private void eraseRange(long start, long end) {
    if (!map.hasFlash()) {
      byte[] erased = new byte[(int) (end - start)];
      java.util.Arrays.fill(erased, (byte) device.erasedValue());
      memory.write(start, erased, 4);
      return;
    }
    long[] aligned = map.blockAligned(start, end).orElseThrow(() -> new RspException("", "",
        String.format("0x%x-0x%x is not flash in the GDB server's memory map", start, end - 1)));
    String packet = "vFlashErase:" + Hex.number(aligned[0]) + "," + Hex.number(aligned[1]
        - aligned[0]);
    client.requireOk(Packets.bytes(packet), client.timeouts().erase(aligned[1] - aligned[0]));
  }

  /** Ends a programming sequence with vFlashDone if writes were sent since the last one. */
  public void finish() {
    if (writesPending) {
      writesPending = false;
      client.requireOk(Packets.bytes("vFlashDone"), client.timeouts().flashDone());
    }
  }

  /** False: qCRC is not the STM32 CRC (see the class comment); use {@link #verifyByQcrc}. */
  @Override
  public boolean offersChecksum() {
    return false;
  }

  /** The STM32 CRC of the range, read back and computed here. */
  @Override
  public int checksum(long address, long length) {
    finish();
    int crc = Crc32Stm32.INITIAL;
    for (long at = address; at < address + length; at += READ_CHUNK) {
      int n = (int) Math.min(READ_CHUNK, address + length - at);
      crc = Crc32Stm32.update(crc, memory.read(at, n), 0, n);
    }
    return crc;
  }

  /** qCRC, where the server answers it; read back otherwise. */
  @Override
  public java.util.Optional<VerifyResult> compareWithoutReading(long address, byte[] expected) {
    try {
      return java.util.Optional.of(verifyByQcrc(address, expected));
    } catch (RspUnsupportedException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Compares the target's bytes at {@code address} with {@code expected} by the server's qCRC,
   * without reading them back. A mismatch carries the two GDB CRCs.
   *
   * @throws RspUnsupportedException when the server has no qCRC (read back instead)
   */
  public VerifyResult verifyByQcrc(long address, byte[] expected) {
    finish();
    return Qcrc.compare(client, address, expected);
  }


  /**
   * Starts the code whose vector table is at {@code address}: sp and pc from its first two words
   * (registers 13 and 15 of the ARM target descriptions), then {@code c}.
   */
  @Override
  public void go(long address) {
    finish();
    core.halt();
    int sp = memory.read32(address);
    int pc = memory.read32(address + 4) & ~1;
    core.writeRegister(13, sp);
    core.writeRegister(15, pc);
    core.resume();
  }

  @Override
  public void close() {
    finish();
  }
}
