package org.romflash.swd.gdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.flash.Crc32Stm32;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;
import org.romflash.link.TcpLink;

/** Our client against our server over TCP, serving an F407 whose flash behaves like flash. */
class ClientAgainstServerTest {
  private static final Device F407 = DeviceDatabase.bundled().byName("F407xG").orElseThrow();

  private final FakeTarget chip = new FakeTarget(F407);
  private GdbRspServer server;
  private RspClient client;
  private GdbCore core;
  private GdbFlashTarget flash;

  @BeforeEach
  void connect() {
    server = GdbRspServer.start(0, chip.memory(), chip.core(), chip.flash(), F407);
    client = RspClient.connect(TcpLink.connect("127.0.0.1", server.port()), RspTimeouts.DEFAULT);
    core = new GdbCore(client, MonitorCommands.ROMFLASH);
    flash = GdbFlashTarget.open(client, core, F407);
  }

  @AfterEach
  void disconnect() {
    client.close();
    server.close();
  }

  @Test
  void theServerOffersNoAckModeItsPacketSizeAndTheDeviceMemoryMap() {
    assertFalse(client.acknowledging());
    assertEquals(0x4000, client.packetSize());
    assertEquals(MemoryMapXml.parse(Goldens.bytes("memory-map-F407xG.xml")), flash.memoryMap());
  }

  @Test
  void ramWrittenInManyPacketsIsReadBackEqual() {
    GdbMemory memory = new GdbMemory(client);
    byte[] data = random(40_000, 1);
    memory.write(0x20000000L, data, 4);
    assertArrayEquals(data, memory.read(0x20000000L, data.length));
    memory.write16(0x20010002L, 0xBEEF);
    memory.write8(0x20010001L, 0x5A);
    assertEquals(0xBEEF5A00, memory.read32(0x20010000L));
  }

  @Test
  void programmingAcrossSectorsOfDifferentSizesLeavesTheBytesInFlash() {
    byte[] image = random(0x10000 + 3000, 2);
    flash.erase(F407.flash().unitsCovering(0x08000000L, image.length));
    writeInBlocks(0x08000000L, image);
    flash.finish();
    assertArrayEquals(image, chip.flashBytes(0x08000000L, image.length));
    assertArrayEquals(image, flash.read(0x08000000L, image.length));
    assertEquals(5, chip.erasedUnits());
  }

  @Test
  void writesAreProgrammedWhenSomethingNeedsToSeeThemNotBefore() {
    flash.erase(List.of(F407.flash().unit(0).orElseThrow()));
    flash.write(0x08000000L, new byte[] {1, 2, 3, 4});
    assertEquals(-1, chip.flashBytes(0x08000000L, 1)[0]);
    assertArrayEquals(new byte[] {1, 2, 3, 4}, flash.read(0x08000000L, 4));
  }

  @Test
  void programmingFlashThatWasNotErasedFailsAtVFlashDoneNamingIt() {
    flash.erase(List.of(F407.flash().unit(1).orElseThrow()));
    flash.write(0x08004000L, new byte[] {1, 2, 3, 4});
    flash.finish();
    flash.write(0x08004000L, new byte[] {5, 6, 7, 8});
    RspException e = assertThrows(RspException.class, flash::finish);
    assertEquals("GDB server replied E03 to 'vFlashDone'", e.getMessage());
  }

  @Test
  void massEraseErasesEveryFlashRegionOfTheMap() {
    flash.erase(List.of(F407.flash().unit(11).orElseThrow()));
    flash.write(0x080E0000L, new byte[] {0, 0, 0, 0});
    flash.massErase();
    assertEquals(1 + 12, chip.erasedUnits());
    assertArrayEquals(new byte[] {-1, -1, -1, -1}, chip.flashBytes(0x080E0000L, 4));
  }

  @Test
  void qcrcMatchesWhatWasProgrammedAndNamesBothCrcsWhenItDoesNot() {
    byte[] image = random(5000, 3);
    flash.erase(List.of(F407.flash().unit(2).orElseThrow()));
    writeInBlocks(0x08008000L, image);
    assertEquals(new VerifyResult.Match(VerifyMode.CRC, 5000),
        flash.verifyByQcrc(0x08008000L, image));
    byte[] other = image.clone();
    other[4999] ^= 1;
    assertEquals(new VerifyResult.Mismatch(VerifyMode.CRC, 0x08008000L,
        GdbCrc.of(other) & 0xFFFFFFFFL, GdbCrc.of(image) & 0xFFFFFFFFL),
        flash.verifyByQcrc(0x08008000L, other));
  }

  @Test
  void theChecksumIsTheStm32CrcComputedFromAReadBack() {
    byte[] image = random(1024, 4);
    flash.erase(List.of(F407.flash().unit(3).orElseThrow()));
    flash.write(0x0800C000L, image);
    assertFalse(flash.offersChecksum());
    assertEquals(Crc32Stm32.of(image), flash.checksum(0x0800C000L, image.length));
  }

  @Test
  void resetAndHaltResetsTheCoreAndTheServerLoadsPcFromTheVectorTable() {
    flash.erase(List.of(F407.flash().unit(0).orElseThrow()));
    flash.write(0x08000000L, new byte[] {0x00, 0x10, 0x00, 0x20, 0x01, 0x01, 0x00, 0x08});
    flash.finish();
    core.resetAndHalt();
    assertEquals(1, chip.resets());
    assertEquals(Hex.littleEndian32(0x08000100), client.require("pf"));
    assertEquals(Hex.littleEndian32(0x20001000), client.require("pd"));
  }

  @Test
  void haltInterruptsACoreThatCWasSentToRun() throws InterruptedException {
    core.resume();
    assertFalse(core.halted());
    for (int wait = 0; wait < 200 && chipHalted(); wait++) {
      Thread.sleep(10);
    }
    assertFalse(chipHalted(), "the server resumed the core");
    core.halt();
    assertTrue(core.halted() && chipHalted());
    assertEquals("S05", client.stopReason());
  }

  @Test
  void goStartsTheCodeWithSpAndPcFromItsVectorTable() {
    flash.erase(List.of(F407.flash().unit(0).orElseThrow()));
    flash.write(0x08000000L, new byte[] {0x00, 0x20, 0x00, 0x20, 0x41, 0x02, 0x00, 0x08});
    flash.go(0x08000000L);
    assertFalse(core.halted());
    core.halt();
    assertEquals(Hex.littleEndian32(0x08000240), client.require("pf"));
    assertEquals(Hex.littleEndian32(0x20002000), client.require("pd"));
  }

  @Test
  void aFaultingReadBecomesAnErrorNamingThePacket() {
    RspException e = assertThrows(RspException.class,
        () -> new GdbMemory(client).read32(0x60000000L));
    assertEquals("GDB server replied E01 to 'm60000000,4'", e.getMessage());
  }

  @Test
  void anUnknownMonitorCommandFailsWithTheServersList() {
    RspException e = assertThrows(RspException.class, () -> client.monitor("flash erase_all"));
    assertEquals("monitor command 'flash erase_all' failed (E01): unknown monitor command"
        + " 'flash erase_all'; this server knows: reset halt, reset run, halt, swdp_scan", e.getMessage());
  }

  @Test
  void unknownPacketsGetTheEmptyReply() {
    assertInstanceOf(RspUnsupportedException.class,
        assertThrows(RspException.class, () -> client.require("qTStatus")));
  }

  @Test
  void aNewConnectionIsServedAfterTheFirstDetaches() {
    client.detach();
    client = RspClient.connect(TcpLink.connect("127.0.0.1", server.port()), RspTimeouts.DEFAULT);
    assertEquals("S05", client.stopReason());
  }

  private boolean chipHalted() {
    return chip.core().halted();
  }

  private void writeInBlocks(long address, byte[] image) {
    for (int offset = 0; offset < image.length; offset += flash.writeBlockSize()) {
      int n = Math.min(flash.writeBlockSize(), image.length - offset);
      flash.write(address + offset, Arrays.copyOfRange(image, offset, offset + n));
    }
  }

  private static byte[] random(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }
}
