package org.romflash.swd.gdb;

import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.flash.FlashTarget;
import org.romflash.swd.DebugMemory;

/**
 * {@link GdbRspServer}'s answers to the memory and flash packets: m, M, X, qCRC, vFlashErase,
 * vFlashWrite, vFlashDone. Errors are E01 (the target refused the access), E02 (a malformed
 * packet) and E03 (the flash refused to erase or program); vFlashWrite outside flash is
 * {@code E.memtype}, as the manual asks.
 */
final class MemoryPackets {
  static final String ACCESS_FAILED = "E01";
  static final String MALFORMED = "E02";
  static final String FLASH_FAILED = "E03";

  private final DebugMemory memory;
  private final FlashTarget flash;
  private final Device device;
  private final int packetSize;
  private final FlashWriteBuffer pending = new FlashWriteBuffer();

  MemoryPackets(DebugMemory memory, FlashTarget flash, Device device, int packetSize) {
    this.memory = memory;
    this.flash = flash;
    this.device = device;
    this.packetSize = packetSize;
  }

  /** The reply to {@code packet}, or null when it is not one of these packets. */
  String answer(String packet) {
    try {
      if (packet.startsWith("m")) {
        return read(packet.substring(1));
      } else if (packet.startsWith("M") || packet.startsWith("X")) {
        return write(packet);
      } else if (packet.startsWith("qCRC:")) {
        long[] range = range(packet.substring(5));
        return "C" + String.format("%08x", GdbCrc.of(memory.read(range[0], (int) range[1])));
      } else if (packet.startsWith("vFlashErase:")) {
        return erase(range(packet.substring(12)));
      } else if (packet.startsWith("vFlashWrite:")) {
        return flashWrite(packet.substring(12));
      } else if (packet.equals("vFlashDone")) {
        return done();
      }
      return null;
    } catch (IllegalArgumentException e) {
      return MALFORMED;
    } catch (RuntimeException e) {
      return ACCESS_FAILED;
    }
  }

  private String read(String arguments) {
    long[] range = range(arguments);
    int length = (int) Math.min(range[1], packetSize / 2);
    return Packets.text(RunLength.encode(Packets.bytes(Hex.of(memory.read(range[0], length)))));
  }

  private String write(String packet) {
    int colon = packet.indexOf(':');
    if (colon < 0) {
      return MALFORMED;
    }
    long[] range = range(packet.substring(1, colon));
    String payload = packet.substring(colon + 1);
    byte[] data = packet.charAt(0) == 'M' ? Hex.bytes(payload, "M data")
        : BinaryEscape.unescape(Packets.bytes(payload));
    if (data.length != range[1]) {
      return MALFORMED;
    }
    if (data.length > 0) {
      long address = range[0];
      int access = address % 4 == 0 && data.length % 4 == 0 ? 4
          : address % 2 == 0 && data.length % 2 == 0 ? 2 : 1;
      memory.write(address, data, access);
    }
    return "OK";
  }

  private String erase(long[] range) {
    List<EraseUnit> units = device.flash().unitsCovering(range[0], range[1]);
    if (units.isEmpty() || units.get(0).address() != range[0]
        || units.get(units.size() - 1).end() != range[0] + range[1]) {
      return FLASH_FAILED;
    }
    try {
      flash.erase(units);
      return "OK";
    } catch (RuntimeException e) {
      return FLASH_FAILED;
    }
  }

  private String flashWrite(String arguments) {
    int colon = arguments.indexOf(':');
    if (colon < 0) {
      return MALFORMED;
    }
    long address = Hex.number(arguments.substring(0, colon), "vFlashWrite address");
    byte[] data = BinaryEscape.unescape(Packets.bytes(arguments.substring(colon + 1)));
    if (!device.flash().contains(address, data.length)) {
      return "E.memtype";
    }
    pending.add(address, data);
    return "OK";
  }

  private String done() {
    try {
      pending.writeTo(flash);
      return "OK";
    } catch (RuntimeException e) {
      return FLASH_FAILED;
    }
  }

  /** "addr,length" as two numbers. */
  static long[] range(String arguments) {
    int comma = arguments.indexOf(',');
    if (comma < 0) {
      throw new IllegalArgumentException("no ',' in '" + arguments + "'");
    }
    return new long[] {Hex.number(arguments.substring(0, comma), "address"),
        Hex.number(arguments.substring(comma + 1), "length")};
  }
}
