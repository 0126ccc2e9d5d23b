package org.romflash.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an image as Motorola S-records: an S0 header, S3 data records of up to 32 bytes, an S5
 * record count (S6 past 65535 records, none past 16777215) and an S7 termination record carrying
 * the start address, or 0 when the image has none.
 */
final class SRecordWriter {
  private static final int PER_RECORD = 32;
  private static final byte[] HEADER = "romflash".getBytes(StandardCharsets.US_ASCII);

  private SRecordWriter() {}

  /** The image as S-record lines, ending with the termination record. */
  static List<String> lines(FirmwareImage image) {
    List<String> lines = new ArrayList<>();
    lines.add(record(0, 0, 2, HEADER));
    long count = 0;
    for (Segment segment : image.segments()) {
      byte[] data = segment.data();
      for (int offset = 0; offset < data.length; offset += PER_RECORD) {
        lines.add(record(3, segment.address() + offset, 4,
            Arrays.copyOfRange(data, offset, Math.min(data.length, offset + PER_RECORD))));
        count++;
      }
    }
    if (count <= 0xFFFF) {
      lines.add(record(5, count, 2, new byte[0]));
    } else if (count <= 0xFF_FFFF) {
      lines.add(record(6, count, 3, new byte[0]));
    }
    lines.add(record(7, image.startAddress().orElse(0), 4, new byte[0]));
    return lines;
  }

  private static String record(int type, long address, int addressBytes, byte[] data) {
    int count = addressBytes + data.length + 1;
    StringBuilder line = new StringBuilder("S").append(type).append(String.format("%02X", count));
    int sum = count;
    for (int shift = 8 * (addressBytes - 1); shift >= 0; shift -= 8) {
      int b = (int) (address >> shift) & 0xFF;
      line.append(String.format("%02X", b));
      sum += b;
    }
    for (byte b : data) {
      line.append(String.format("%02X", b & 0xFF));
      sum += b & 0xFF;
    }
    return line.append(String.format("%02X", ~sum & 0xFF)).toString();
  }
}
