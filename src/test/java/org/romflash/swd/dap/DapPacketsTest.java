package org.romflash.swd.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command this driver sends, byte for byte, as the CMSIS-DAP specification lays it out. */
class DapPacketsTest {
  private static String hex(byte[] packet) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(packet);
  }

  @Test
  void infoConnectAndDisconnect() {
    assertEquals("00 FF", hex(DapPackets.info(0xFF)));
    assertEquals("02 01", hex(DapPackets.connectSwd()));
    assertEquals("03", hex(DapPackets.disconnect()));
    assertEquals("0A", hex(DapPackets.resetTarget()));
  }

  @Test
  void clockAndConfigurationFieldsAreLittleEndian() {
    assertEquals("11 40 42 0F 00", hex(DapPackets.swjClock(1_000_000)));
    assertEquals("04 02 80 00 00 00", hex(DapPackets.transferConfigure(2, 0x80, 0)));
    assertEquals("13 00", hex(DapPackets.swdConfigure(0)));
    assertEquals("10 00 80 10 27 00 00", hex(DapPackets.swjPins(0x00, 0x80, 10_000)));
  }

  @Test
  void sequencesCountBitsAnd256IsZero() {
    assertEquals("12 33 FF FF FF FF FF FF FF",
        hex(DapPackets.swjSequence(51, new byte[] {-1, -1, -1, -1, -1, -1, -1})));
    assertEquals("12 10 9E E7", hex(DapPackets.swjSequence(16, new byte[] {(byte) 0x9E,
        (byte) 0xE7})));
    assertEquals(34, DapPackets.swjSequence(256, new byte[32]).length);
    assertEquals(0, DapPackets.swjSequence(256, new byte[32])[1]);
  }

  @Test
  void transferCarriesRequestBytesAndWriteData() {
    assertEquals("05 00 03 02 05 00 00 00 20 0F", hex(DapPackets.transfer(List.of(
        Transfer.readDp(0x0), Transfer.writeAp(0x04, 0x2000_0000), Transfer.readAp(0x0C)))));
    assertEquals("05 00 01 08 F0 00 00 00", hex(DapPackets.transfer(List.of(
        Transfer.writeDp(0x8, 0xF0)))));
  }

  @Test
  void transferBlockHasASixteenBitCount() {
    assertEquals("06 00 0E 00 0F", hex(DapPackets.transferBlockRead(true, 0x0C, 14)));
    assertEquals("06 00 02 00 0D 78 56 34 12 01 00 00 00",
        hex(DapPackets.transferBlockWrite(true, 0x0C, new int[] {0x12345678, 1})));
    assertEquals("08 00 1E 00 00 00", hex(DapPackets.writeAbort(0x1E)));
  }

  @Test
  void batchesFitThePacketSizeBothWays() {
    List<Transfer> reads = java.util.Collections.nCopies(40, Transfer.readAp(0x0C));
    List<List<Transfer>> batches = TransferBatches.split(reads, 64);
    assertEquals(List.of(15, 15, 10), batches.stream().map(List::size).toList(),
        "3 + 4 x 15 = 63 response bytes");
    List<Transfer> writes = java.util.Collections.nCopies(30, Transfer.writeAp(0x0C, 7));
    assertEquals(List.of(12, 12, 6), TransferBatches.split(writes, 64).stream().map(List::size)
        .toList(), "3 + 5 x 12 = 63 request bytes");
    assertEquals(List.of(255, 45), TransferBatches.split(java.util.Collections.nCopies(300,
        Transfer.readDp(0x4)), 4096).stream().map(List::size).toList());
  }
}
