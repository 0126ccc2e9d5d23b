package org.romflash.swd.gdb;

import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;

/**
 * qCRC (GDB manual, "General Query Packets"): the server computes GDB's CRC-32 ({@link GdbCrc}) of
 * a range, which is compared with the CRC of the bytes expected there, so nothing is read back.
 */
final class Qcrc {
  private Qcrc() {}

  /** @throws RspUnsupportedException when the server has no qCRC */
  static VerifyResult compare(RspClient client, long address, byte[] expected) {
    String packet = "qCRC:" + Hex.number(address) + "," + Hex.number(expected.length);
    String reply = client.require(packet, client.timeouts().erase(expected.length));
    if (reply.charAt(0) != 'C') {
      throw new RspException(packet, reply, "qCRC reply '" + reply + "' is not C and a CRC");
    }
    long actual = Hex.number(reply.substring(1), "qCRC reply");
    long wanted = GdbCrc.of(expected) & 0xFFFFFFFFL;
    return actual == wanted ? new VerifyResult.Match(VerifyMode.CRC, expected.length)
        : new VerifyResult.Mismatch(VerifyMode.CRC, address, wanted, actual);
  }
}
