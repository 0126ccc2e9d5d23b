package org.romflash.swd.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.romflash.link.LinkPair;

/** The acknowledgment rules, on an in-memory link whose far end the test plays by hand. */
class RspConnectionTest {
  private static final Duration SHORT = Duration.ofMillis(500);

  private final LinkPair pair = LinkPair.create("rsp");
  private final RspConnection connection = new RspConnection(pair.host());

  @Test
  void aNakMakesTheSenderSendThePacketAgain() {
    peerWrites("-+");
    connection.send("m0,4", SHORT);
    assertEquals("$m0,4#fd$m0,4#fd", peerReads(16));
  }

  @Test
  void aPacketThatKeepsBeingNakedFailsNamingIt() {
    peerWrites("----");
    RspException e = assertThrows(RspException.class, () -> connection.send("m0,4", SHORT));
    assertEquals("the peer asked 4 times for 'm0,4' again (line noise?)", e.getMessage());
  }

  @Test
  void aMissingAcknowledgmentIsAnErrorNamingThePacket() {
    RspException e = assertThrows(RspException.class, () -> connection.send("?", SHORT));
    assertEquals("no acknowledgment of '?' within 500 ms", e.getMessage());
  }

  @Test
  void aCorruptPacketIsNakedAndItsResendAccepted() {
    peerWrites("$OK#00$OK#9a");
    assertEquals("OK", Packets.text(connection.receivePacket(SHORT)));
    assertEquals("-+", peerReads(2));
  }

  @Test
  void noiseBeforeAPacketIsSkipped() {
    peerWrites("\r\nxyz$S05#b8");
    assertEquals("S05", Packets.text(connection.receivePacket(SHORT)));
  }

  @Test
  void aReplyThatArrivesInsteadOfTheAckCountsAsAcknowledged() {
    peerWrites("$OK#9a");
    connection.send("vFlashDone", SHORT);
    assertEquals("OK", Packets.text(connection.receivePacket(SHORT)));
  }

  @Test
  void inNoAckModeNothingIsAcknowledgedOrAwaited() {
    connection.stopAcks();
    connection.send("g", SHORT);
    peerWrites("$OK#9a");
    assertEquals("OK", Packets.text(connection.receivePacket(SHORT)));
    assertEquals("$g#67", peerReads(5));
    assertEquals(0, pair.target().available());
  }

  @Test
  void inNoAckModeACorruptPacketCannotBeRepairedAndIsAnError() {
    connection.stopAcks();
    peerWrites("$OK#00");
    RspException e = assertThrows(RspException.class, () -> connection.receivePacket(SHORT));
    assertEquals("corrupt packet 'OK' (checksum 00, computed 9a) and no-ack mode cannot ask for"
        + " it again", e.getMessage());
  }

  @Test
  void theInterruptByteArrivesAsAnInterrupt() {
    peerWrites("\u0003");
    assertInstanceOf(Incoming.Interrupt.class, connection.receive(SHORT));
  }

  @Test
  void theInterruptIsSentAsOneBareByte() {
    connection.sendInterrupt();
    assertEquals("\u0003", peerReads(1));
  }

  private void peerWrites(String text) {
    pair.target().write(Packets.bytes(text));
  }

  private String peerReads(int count) {
    return Packets.text(pair.target().read(count, SHORT));
  }
}
