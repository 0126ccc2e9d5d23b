package org.romflash.image;

import java.util.ArrayList;
import java.util.List;

/** Writes an image as Intel HEX: 16 data bytes per record, extended linear address records. */
public final class IntelHexWriter {
  private static final int PER_RECORD = 16;

  private IntelHexWriter() {}

  /** The image as HEX lines, ending with the end-of-file record. */
  public static List<String> lines(FirmwareImage image) {
    List<String> lines = new ArrayList<>();
    long upper = -1;
    for (Segment segment : image.segments()) {
      byte[] data = segment.data();
      int offset = 0;
      while (offset < data.length) {
        long address = segment.address() + offset;
        if (address >>> 16 != upper) {
          upper = address >>> 16;
          lines.add(record(0, 0x04, new byte[] {(byte) (upper >> 8), (byte) upper}));
        }
        int room = (int) (0x10000 - (address & 0xFFFF));
        int count = Math.min(PER_RECORD, Math.min(room, data.length - offset));
        lines.add(record((int) (address & 0xFFFF), 0x00,
            java.util.Arrays.copyOfRange(data, offset, offset + count)));
        offset += count;
      }
    }
    image.startAddress().ifPresent(start -> lines.add(record(0, 0x05, new byte[] {
        (byte) (start >> 24), (byte) (start >> 16), (byte) (start >> 8), (byte) start})));
    lines.add(":00000001FF");
    return lines;
  }

  private static String record(int address, int type, byte[] data) {
    StringBuilder line = new StringBuilder(":");
    int sum = data.length + (address >> 8) + (address & 0xFF) + type;
    line.append(String.format("%02X%04X%02X", data.length, address, type));
    for (byte b : data) {
      line.append(String.format("%02X", b & 0xFF));
      sum += b & 0xFF;
    }
    line.append(String.format("%02X", (-sum) & 0xFF));
    return line.toString();
  }
}
