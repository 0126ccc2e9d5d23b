package org.romflash.swd.gdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.romflash.device.DeviceDatabase;
import org.romflash.link.ResponderLink;

/** The client's packets, byte for byte, against servers scripted reply by reply. */
class RspClientTest {
  private static final RspTimeouts QUICK = new RspTimeouts(Duration.ofMillis(300),
      Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300),
      Duration.ofMillis(300));

  private ScriptedServer server;

  private RspClient connect(Function<String, String> replies) {
    server = new ScriptedServer(replies);
    return RspClient.connect(new ResponderLink("scripted", server), QUICK);
  }

  @Test
  void connectingAsksQSupportedAndTurnsAcknowledgmentsOffWhenOffered() {
    RspClient client = connect(p -> p.startsWith("qSupported")
        ? "PacketSize=4000;QStartNoAckMode+;qXfer:memory-map:read+" : "OK");
    assertEquals(List.of("qSupported", "QStartNoAckMode"), server.packets());
    assertEquals(0x4000, client.packetSize());
    assertTrue(!client.acknowledging() && client.features().memoryMap());
  }

  @Test
  void aServerWithoutNoAckModeKeepsAcknowledgingAndGetsTheDefaultPacketSize() {
    RspClient client = connect(p -> p.startsWith("qSupported") ? "qXfer:features:read+" : "");
    assertEquals(List.of("qSupported"), server.packets());
    assertEquals(400, client.packetSize());
    assertTrue(client.acknowledging());
  }

  @Test
  void readsAreSplitSoEveryReplyFitsThePacketSize() {
    GdbMemory memory = new GdbMemory(connect(p -> p.startsWith("qSupported") ? "PacketSize=40"
        : p.startsWith("m") ? "ab".repeat((int) Hex.number(p.substring(p.indexOf(',') + 1), ""))
        : ""));
    assertEquals(60, memory.read(0x20000000L, 60).length);
    assertEquals(List.of("qSupported", "m20000000,1c", "m2000001c,1c", "m20000038,4"),
        server.packets());
  }

  @Test
  void aShortReadReplyIsContinuedWhereItStopped() {
    GdbMemory memory = new GdbMemory(connect(p -> p.startsWith("m")
        ? "0102".substring(0, Math.min(4, 2 * (int) Hex.number(p.substring(p.indexOf(',') + 1),
            ""))) : ""));
    assertArrayEquals(new byte[] {1, 2, 1, 2, 1}, memory.read(0x100, 5));
    assertEquals(List.of("qSupported", "m100,5", "m102,3", "m104,1"), server.packets());
  }

  @Test
  void runLengthEncodedReadRepliesAreExpanded() {
    GdbMemory memory = new GdbMemory(connect(p -> p.startsWith("m") ? "0*\"00ff" : ""));
    assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) 0xFF}, memory.read(0, 5));
  }

  @Test
  void writesFallBackToHexMWhenTheServerHasNoBinaryX() {
    GdbMemory memory = new GdbMemory(connect(p -> p.startsWith("M") ? "OK" : ""));
    memory.write(0x20000000L, new byte[] {1, 2, '#', 4}, 4);
    memory.write32(0x20000004L, 0x11223344);
    assertEquals(List.of("qSupported", "X20000000,4:\u0001\u0002}\u0003\u0004",
        "M20000000,4:0102230 4".replace(" ", ""), "M20000004,4:44332211"), server.packets());
  }

  @Test
  void halfWordWritesGoOneAccessPerPacket() {
    GdbMemory memory = new GdbMemory(connect(p -> p.startsWith("X") ? "OK" : ""));
    memory.write(0x40022000L, new byte[] {1, 2, 3, 4}, 2);
    assertEquals(List.of("qSupported", "X40022000,2:\u0001\u0002", "X40022002,2:\u0003\u0004"),
        server.packets());
  }

  @Test
  void anErrorReplyBecomesAnExceptionNamingPacketAndReply() {
    GdbMemory memory = new GdbMemory(connect(p -> p.startsWith("m") ? "E0e" : ""));
    RspException e = assertThrows(RspException.class, () -> memory.read32(0x60000000L));
    assertEquals("GDB server replied E0e to 'm60000000,4'", e.getMessage());
    assertEquals("E0e", e.reply());
  }

  @Test
  void anEmptyReplyToARequiredPacketSaysItIsUnsupported() {
    RspClient client = connect(p -> "");
    RspUnsupportedException e = assertThrows(RspUnsupportedException.class,
        () -> client.require("vFlashDone"));
    assertEquals("the GDB server does not support 'vFlashDone' (empty reply)", e.getMessage());
  }

  @Test
  void noReplyIsATimeoutNamingThePacket() {
    RspClient client = connect(p -> p.startsWith("qSupported") ? "" : null);
    RspException e = assertThrows(RspException.class, client::stopReason);
    assertEquals("no reply to '?' within 300 ms", e.getMessage());
  }

  @Test
  void monitorOutputIsGatheredFromTheOPacketsBeforeOk() {
    RspClient client = connect(p -> p.startsWith("qRcmd")
        ? "O" + Hex.ofText("target halted\n") + "|O" + Hex.ofText("pc 0x8000100\n") + "|OK" : "");
    assertEquals("target halted\npc 0x8000100\n", client.monitor("reset halt"));
    assertEquals("qRcmd,72657365742068616c74", server.packets().get(1));
  }

  @Test
  void aFailedMonitorCommandSaysWhatItPrinted() {
    RspClient client = connect(p -> p.startsWith("qRcmd") ? "O" + Hex.ofText("no target\n")
        + "|E01" : "");
    RspException e = assertThrows(RspException.class, () -> client.monitor("reset halt"));
    assertEquals("monitor command 'reset halt' failed (E01): no target", e.getMessage());
  }

  @Test
  void qXferObjectsAreReadInChunksUntilTheLastOne() {
    String document = "<memory-map>" + "x".repeat(100) + "*</memory-map>";
    RspClient client = connect(p -> {
      if (!p.startsWith("qXfer")) {
        return p.startsWith("qSupported") ? "PacketSize=40" : "";
      }
      long[] range = MemoryPackets.range(p.substring(p.lastIndexOf(':') + 1));
      int end = (int) Math.min(document.length(), range[0] + range[1]);
      return (end == document.length() ? "l" : "m") + Packets.text(BinaryEscape.escape(
          Packets.bytes(document.substring((int) range[0], end))));
    });
    assertEquals(document, Packets.text(client.readXfer("memory-map", "")));
    assertEquals(List.of("qSupported", "qXfer:memory-map:read::0,38",
        "qXfer:memory-map:read::38,38", "qXfer:memory-map:read::70,38"), server.packets());
  }

  @Test
  void registersFallBackToGAndBigGWhereTheServerRefusesPAndBigP() {
    String all = "00000000".repeat(13) + "00100020" + "ffffffff" + "00010008" + "00000001";
    RspClient client = connect(p -> p.equals("?") ? "S05" : p.equals("g") ? all
        : p.startsWith("G") ? "OK" : "");
    GdbCore core = new GdbCore(client, MonitorCommands.QEMU);
    assertEquals(0x08000100, core.readRegister(15));
    core.writeRegister(13, 0x20002000);
    assertEquals(List.of("qSupported", "?", "pf", "g", "Pd=00200020", "g",
        "G" + all.replace("00100020", "00200020")), server.packets());
  }

  @Test
  void withoutAFlashMapFlashIsWrittenAndErasedWithMemoryWrites() {
    RspClient client = connect(p -> p.equals("?") ? "S05" : p.startsWith("X") ? "OK" : "");
    GdbFlashTarget flash = GdbFlashTarget.open(client, new GdbCore(client, MonitorCommands.QEMU),
        DeviceDatabase.bundled().byName("F103xB").orElseThrow());
    flash.erase(List.of(flash.device().flash().unit(3).orElseThrow()));
    flash.write(0x08000C00L, new byte[] {1, 2, 3, 4});
    assertEquals(List.of("X8000c00,17c", "X8000d7c,17c", "X8000ef8,108", "X8000c00,4"),
        server.packets().stream().skip(2).map(p -> p.substring(0, p.indexOf(':'))).toList());
    assertEquals("\u00ff".repeat(0x17c), server.packets().get(2).substring(13));
    assertEquals("X8000c00,4:\u0001\u0002\u0003\u0004", server.packets().get(5));
    assertTrue(!flash.programsFlash());
  }
}
