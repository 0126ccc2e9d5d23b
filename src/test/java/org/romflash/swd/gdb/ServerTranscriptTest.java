package org.romflash.swd.gdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.link.LinkException;
import org.romflash.link.TcpLink;

/**
 * The server's bytes, exactly, for what GDB sends: played by hand over TCP, acknowledgments and
 * corrupt packets included.
 */
class ServerTranscriptTest {
  private static final Device F407 = DeviceDatabase.bundled().byName("F407xG").orElseThrow();
  private static final Duration WAIT = Duration.ofSeconds(2);

  private final FakeTarget chip = new FakeTarget(F407);
  private final GdbRspServer server = GdbRspServer.start(0, chip.memory(), chip.core(),
      chip.flash(), F407);
  private final TcpLink gdb = TcpLink.connect("127.0.0.1", server.port());

  @AfterEach
  void stop() {
    gdb.close();
    server.close();
  }

  @Test
  void aCorruptPacketIsNakedAndItsResendAnsweredWithAStopReply() {
    exchange("+$?#00", "-");
    exchange("$?#3f", "+$S05#b8");
  }

  @Test
  void qSupportedOffersPacketSizeMemoryMapTargetDescriptionAndNoAckMode() {
    exchange("$qSupported:xmlRegisters=arm#f7",
        "+$PacketSize=4000;qXfer:memory-map:read+;qXfer:features:read+;QStartNoAckMode+#65");
  }

  @Test
  void anEscapedBinaryWriteIsStoredAndReadBackRunLengthEncoded() {
    exchange("$X20000000,4:}\u0003\u0001\u0002\u0003#fa", "+$OK#9a");
    exchange("+$m20000000,8#53", "+$230102030*\"00#67");
    assertArrayEquals(new byte[] {0x23, 1, 2, 3}, chip.memory().read(0x20000000L, 4));
  }

  @Test
  void afterNoAckModeNothingIsAcknowledgedAndRegistersComeRunLengthEncoded() {
    exchange("$QStartNoAckMode#b0", "+$OK#9a");
    exchange("+$g#67", "$0*~0*'220*,80*\"01#58");
  }

  @Test
  void unknownPacketsGetTheEmptyReply() {
    exchange("$vMustReplyEmpty#3a", "+$#00");
  }

  @Test
  void killEndsTheConnection() {
    exchange("$k#6b", "+");
    LinkException e = assertThrows(LinkException.class, () -> gdb.read(1, WAIT));
    assertEquals(gdb.name() + ": the server closed the connection", e.getMessage());
  }

  /** Sends {@code sent} and expects exactly {@code expected} back. */
  private void exchange(String sent, String expected) {
    gdb.write(Packets.bytes(sent));
    assertEquals(expected, Packets.text(gdb.read(expected.length(), WAIT)));
  }
}
