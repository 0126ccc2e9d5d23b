package org.romflash.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.romflash.device.DeviceDatabase;
import org.romflash.link.TcpLink;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.Timeouts;

/**
 * {@code romflash emulate --tcp}: one client after another, the chip keeps its memory and stays
 * synchronised.
 */
class EmulatorServerTest {

  @Test
  void aChipServedOnLoopbackTcpKeepsItsMemoryAndSynchronisationAcrossConnections() throws Exception {
    Chip chip = new Chip(DeviceDatabase.bundled().byName("L431xC").orElseThrow());
    EmulatorServer server = new EmulatorServer(chip, Emulator.Options.defaults());
    try {
      int port = server.startTcp(0);
      try (TcpLink first = TcpLink.connect("127.0.0.1", port)) {
        BootloaderClient client = new BootloaderClient(first, Timeouts.forBaud(115200));
        client.connect();
        client.writeMemory(0x08000800L, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
      try (TcpLink second = TcpLink.connect("127.0.0.1", port)) {
        BootloaderClient client = new BootloaderClient(second,
            Timeouts.forBaud(115200).withReply(Duration.ofMillis(500)));
        // Still synchronised from the first connection: 0x7F is answered NACK after a pause.
        assertFalse(client.synchronise(), "NACK: the bootloader was still synchronised");
        assertEquals(0x435, client.getId());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, client.readMemory(0x08000800L, 8));
      }
    } finally {
      server.shutdown();
    }
  }
}
