package org.romflash.protocol;

/** The two single-byte answers of the bootloader (AN3155 section 3). */
public final class Bytes {
  /** Acknowledge. */
  public static final int ACK = 0x79;
  /** Not acknowledge: the command, a checksum or an argument was refused. */
  public static final int NACK = 0x1F;
  /** The autobaud byte (AN3155 section 1). */
  public static final int SYNC = 0x7F;

  private Bytes() {}

  /** "0x79 (ACK)", "0x1F (NACK)" or "0x42". */
  public static String describe(int value) {
    String hex = String.format("0x%02X", value & 0xFF);
    return switch (value & 0xFF) {
      case ACK -> hex + " (ACK)";
      case NACK -> hex + " (NACK)";
      default -> hex;
    };
  }
}
