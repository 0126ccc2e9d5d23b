package org.romflash.image;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads Motorola S-records: header (S0, checked and ignored), data with 16, 24 and 32-bit
 * addresses (S1, S2, S3), record counts (S5, S6, checked against the data records before them)
 * and termination with a start address (S9, S8, S7). LF or CRLF, hex digits in either case (the
 * 'S' is upper case); every checksum is checked.
 *
 * <p>A termination record must be there, and it always carries an address: tools write 0 when
 * there is no entry point, so a start address of 0 is read as "none". No Cortex-M image starts
 * at 0 (the entry point is a Thumb address, odd, inside flash).
 *
 * <pre>
 *   S  type  count  address (2, 3 or 4 bytes)  data ...  checksum
 *   count = bytes of address + data + checksum; checksum = ~(count + address + data) &amp; 0xFF
 * </pre>
 */
final class SRecord {
  private SRecord() {}

  /** Parses {@code lines} of a file called {@code name} (used in error messages). */
  static FirmwareImage parse(String name, List<String> lines) {
    RecordedImage image = new RecordedImage(name);
    long dataRecords = 0;
    boolean ended = false;
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (ended) {
        throw new ImageFormatException(name, lineNumber, "data after the termination record");
      }
      Record record = Record.decode(name, lineNumber, line);
      switch (record.type()) {
        case 0 -> { }
        case 1, 2, 3 -> {
          if (record.address() + record.data().length > 0x1_0000_0000L) {
            throw new ImageFormatException(name, lineNumber, "data runs past the 4 GiB address limit");
          }
          image.add(lineNumber, record.address(), record.data());
          dataRecords++;
        }
        case 5, 6 -> {
          record.expectNoData(name, lineNumber);
          if (record.address() != dataRecords) {
            throw new ImageFormatException(name, lineNumber, "S" + record.type() + " record counts "
                + record.address() + " data records but " + dataRecords + " came before it");
          }
        }
        default -> {
          record.expectNoData(name, lineNumber);
          if (record.address() != 0) {
            image.startAddress(record.address());
          }
          ended = true;
        }
      }
    }
    if (!ended) {
      throw new ImageFormatException(name, 0, "no termination record (S7, S8 or S9): is the file"
          + " truncated?");
    }
    return image.build();
  }

  /** One decoded line: its type digit, address and data, checksum verified. */
  private record Record(int type, long address, byte[] data) {
    /** Address bytes for each type digit; 0 marks the reserved S4. */
    private static final int[] ADDRESS_BYTES = {2, 2, 3, 4, 0, 2, 3, 4, 3, 2};

    static Record decode(String name, int lineNumber, String line) {
      if (line.charAt(0) != 'S') {
        throw new ImageFormatException(name, lineNumber, "record does not start with 'S'");
      }
      if (line.length() < 2 || line.charAt(1) < '0' || line.charAt(1) > '9'
          || line.charAt(1) == '4') {
        throw new ImageFormatException(name, lineNumber, "unknown record type '"
            + line.substring(0, Math.min(2, line.length())) + "' (known: S0 to S3, S5 to S9)");
      }
      int type = line.charAt(1) - '0';
      byte[] bytes = hex(name, lineNumber, line.substring(2));
      int addressBytes = ADDRESS_BYTES[type];
      int count = bytes[0] & 0xFF;
      if (count != bytes.length - 1) {
        throw new ImageFormatException(name, lineNumber, "byte count says " + count
            + " bytes but the record has " + (bytes.length - 1));
      }
      if (count < addressBytes + 1) {
        throw new ImageFormatException(name, lineNumber, "byte count " + count + " is too small for"
            + " an S" + type + " record's " + addressBytes + "-byte address and checksum");
      }
      checkSum(name, lineNumber, bytes);
      long address = 0;
      for (int i = 1; i <= addressBytes; i++) {
        address = (address << 8) | (bytes[i] & 0xFF);
      }
      return new Record(type, address, Arrays.copyOfRange(bytes, 1 + addressBytes, bytes.length - 1));
    }

    private static byte[] hex(String name, int lineNumber, String digits) {
      if (digits.length() % 2 != 0) {
        throw new ImageFormatException(name, lineNumber, "odd number of hex digits");
      }
      if (digits.isEmpty()) {
        throw new ImageFormatException(name, lineNumber, "record too short");
      }
      try {
        return HexFormat.of().parseHex(digits);
      } catch (IllegalArgumentException e) {
        throw new ImageFormatException(name, lineNumber, "not a hex digit in the record");
      }
    }

    private static void checkSum(String name, int lineNumber, byte[] bytes) {
      int sum = 0;
      for (int i = 0; i < bytes.length - 1; i++) {
        sum += bytes[i] & 0xFF;
      }
      int expected = ~sum & 0xFF;
      int found = bytes[bytes.length - 1] & 0xFF;
      if (found != expected) {
        throw new ImageFormatException(name, lineNumber, String.format(
            "checksum %02X is wrong, the record's bytes give %02X", found, expected));
      }
    }

    void expectNoData(String name, int lineNumber) {
      if (data.length != 0) {
        throw new ImageFormatException(name, lineNumber, "an S" + type + " record has no data field,"
            + " but this one has " + data.length + " byte(s) of data");
      }
    }
  }
}
