package org.romflash.image;

import java.util.HexFormat;
import java.util.List;

/**
 * Reads Intel HEX: data (00), end of file (01), extended segment address (02), start segment
 * address (03), extended linear address (04) and start linear address (05) records, LF or CRLF,
 * either case. Every record's checksum is checked; data that overlaps earlier data is refused at the
 * line that repeats the address.
 */
public final class IntelHex {
  private IntelHex() {}

  /** Parses {@code lines} of a file called {@code name} (used in error messages). */
  public static FirmwareImage parse(String name, List<String> lines) {
    RecordedImage image = new RecordedImage(name);
    long base = 0;
    boolean ended = false;
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (ended) {
        throw new ImageFormatException(name, lineNumber, "data after the end-of-file record");
      }
      byte[] record = decode(name, lineNumber, line);
      int count = record[0] & 0xFF;
      int offset = ((record[1] & 0xFF) << 8) | (record[2] & 0xFF);
      int type = record[3] & 0xFF;
      byte[] data = java.util.Arrays.copyOfRange(record, 4, 4 + count);
      switch (type) {
        case 0x00 -> {
          long address = base + offset;
          if (address + count > 0x1_0000_0000L) {
            throw new ImageFormatException(name, lineNumber, "data runs past the 4 GiB address limit");
          }
          image.add(lineNumber, address, data);
        }
        case 0x01 -> ended = true;
        case 0x02 -> base = expectWord(name, lineNumber, data, 2, "extended segment address") << 4;
        case 0x04 -> base = expectWord(name, lineNumber, data, 2, "extended linear address") << 16;
        case 0x03 -> image.startAddress(segmentStart(name, lineNumber, data));
        case 0x05 -> image.startAddress(expectWord(name, lineNumber, data, 4, "start linear address"));
        default -> throw new ImageFormatException(name, lineNumber,
            String.format("unknown record type %02X (known: 00 to 05)", type));
      }
    }
    if (!ended) {
      throw new ImageFormatException(name, 0, "no end-of-file record (:00000001FF): is the file"
          + " truncated?");
    }
    return image.build();
  }

  private static byte[] decode(String name, int lineNumber, String line) {
    if (line.charAt(0) != ':') {
      throw new ImageFormatException(name, lineNumber, "record does not start with ':'");
    }
    String hex = line.substring(1);
    if (hex.length() % 2 != 0) {
      throw new ImageFormatException(name, lineNumber, "odd number of hex digits");
    }
    byte[] record;
    try {
      record = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new ImageFormatException(name, lineNumber, "not a hex digit in the record");
    }
    if (record.length < 5) {
      throw new ImageFormatException(name, lineNumber, "record too short");
    }
    int count = record[0] & 0xFF;
    if (record.length != count + 5) {
      throw new ImageFormatException(name, lineNumber, "byte count says " + count
          + " data bytes but the record has " + (record.length - 5));
    }
    int sum = 0;
    for (byte b : record) {
      sum += b & 0xFF;
    }
    if ((sum & 0xFF) != 0) {
      int expected = (-(sum - (record[record.length - 1] & 0xFF))) & 0xFF;
      throw new ImageFormatException(name, lineNumber, String.format(
          "checksum %02X is wrong, the record's bytes give %02X", record[record.length - 1] & 0xFF,
          expected));
    }
    return record;
  }

  private static long expectWord(String name, int lineNumber, byte[] data, int size, String what) {
    if (data.length != size) {
      throw new ImageFormatException(name, lineNumber, what + " record must have " + size
          + " data bytes, not " + data.length);
    }
    long value = 0;
    for (byte b : data) {
      value = (value << 8) | (b & 0xFF);
    }
    return value;
  }

  private static long segmentStart(String name, int lineNumber, byte[] data) {
    long csip = expectWord(name, lineNumber, data, 4, "start segment address");
    return ((csip >> 16) << 4) + (csip & 0xFFFF);
  }
}
