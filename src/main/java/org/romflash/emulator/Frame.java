package org.romflash.emulator;

import org.romflash.emulator.TargetPort.StoppedException;

/** Reads the host's frames the way the bootloader does: fields, then a checksum to verify. */
final class Frame {
  private final TargetPort port;

  Frame(TargetPort port) {
    this.port = port;
  }

  /** Four address bytes and their XOR; null when the checksum is wrong. */
  Long address() throws StoppedException {
    return word();
  }

  /** Any four-byte big-endian field and its XOR checksum; null when the checksum is wrong. */
  Long word() throws StoppedException {
    byte[] bytes = port.next(5);
    if (xor(bytes, 0, 5) != 0) {
      return null;
    }
    return ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFFL) << 16) | ((bytes[2] & 0xFFL) << 8)
        | (bytes[3] & 0xFFL);
  }

  /** Two-byte big-endian value. */
  int shortValue() throws StoppedException {
    return (port.next() << 8) | port.next();
  }

  static int xor(byte[] bytes, int offset, int length) {
    int sum = 0;
    for (int i = offset; i < offset + length; i++) {
      sum ^= bytes[i];
    }
    return sum & 0xFF;
  }
}
