package org.romflash.flash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The assembled RAM CRC routine and the header words {@code src/main/thumb/crc-routine.S} puts in
 * front of its code (protocol-spec/ram-crc-routine.md): magic, layout version, reset handler and
 * parameter offset. Exists so that {@link CrcRoutine} works from what the blob says about itself
 * instead of offsets copied from the assembly, and refuses a blob of another layout.
 */
final class CrcRoutineBlob {
  static final int MAGIC = 0x43524652;
  static final int VERSION = 1;
  private static final int HEADER = 0x14;

  final byte[] bytes;
  /** The reset handler word relative to the load address: entry offset + 1 (Thumb). */
  final int resetOffset;
  /** P: where the parameter block starts, the blob's length rounded up to 4. */
  final int parameterOffset;

  private CrcRoutineBlob(byte[] bytes, int resetOffset, int parameterOffset) {
    this.bytes = bytes;
    this.resetOffset = resetOffset;
    this.parameterOffset = parameterOffset;
  }

  /** Reads a classpath resource next to this class and checks it. */
  static CrcRoutineBlob load(String resource) {
    try (InputStream in = CrcRoutineBlob.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The CRC routine " + resource + " is not on the classpath");
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the CRC routine " + resource + ": "
          + e.getMessage(), e);
    }
  }

  /** Checks magic, version, reset handler and parameter offset; copies the bytes. */
  static CrcRoutineBlob parse(byte[] blob) {
    if (blob.length < HEADER + 2) {
      throw new IllegalStateException("CRC routine of " + blob.length + " bytes has no code");
    }
    ByteBuffer header = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    if (header.getInt(8) != MAGIC || header.getInt(12) != VERSION) {
      throw new IllegalStateException(String.format("CRC routine has magic 0x%08X version %d,"
          + " expected 0x%08X version %d", header.getInt(8), header.getInt(12), MAGIC, VERSION));
    }
    int reset = header.getInt(4);
    int parameters = header.getInt(16);
    if (reset % 2 != 1 || reset < HEADER || reset >= blob.length
        || parameters != (blob.length + 3 & ~3)) {
      throw new IllegalStateException(String.format("CRC routine header is inconsistent: reset"
          + " handler 0x%X, parameter offset 0x%X, %d bytes", reset, parameters, blob.length));
    }
    return new CrcRoutineBlob(blob.clone(), reset, parameters);
  }
}
