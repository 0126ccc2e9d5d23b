package org.romflash.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;

class ClientAgainstEmulatorTest {
  private static final DeviceDatabase DEVICES = DeviceDatabase.bundled();
  private Emulator.Simulation sim;

  private BootloaderClient client(String device) {
    sim = Emulator.simulate(DEVICES.byName(device).orElseThrow(), Emulator.Options.defaults());
    return new BootloaderClient(sim.hostLink(), Timeouts.forBaud(115200).withReply(
        Duration.ofMillis(300)));
  }

  @AfterEach
  void close() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void connectReadsTheCommandListOfAnF103() {
    BootloaderClient client = client("F103xB");
    BootloaderInfo info = client.connect();
    assertEquals(new BootloaderInfo(0x22,
        List.of(0x00, 0x01, 0x02, 0x11, 0x21, 0x31, 0x43, 0x63, 0x73, 0x82, 0x92)), info);
    assertEquals(0x410, client.getId());
    assertEquals(new VersionInfo(0x22, 0, 0), client.getVersion());
  }

  @Test
  void secondSynchronisationIsAnsweredWithNackAsAlreadySynchronised() {
    BootloaderClient client = client("F407xG");
    assertTrue(client.synchronise());
    assertFalse(client.synchronise());
    assertEquals(0x413, client.getId());
  }

  @Test
  void writtenFlashReadsBackAndPagesEraseToFF() {
    BootloaderClient client = client("G071xB");
    client.connect();
    byte[] data = new byte[256];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7);
    }
    client.writeMemory(0x08000800L, data);
    assertArrayEquals(data, client.readMemory(0x08000800L, 256));
    NackException again = assertThrows(NackException.class,
        () -> client.writeMemory(0x08000800L, data));
    assertEquals(Stage.DATA, again.stage());
    client.erasePages(List.of(1), pages -> Duration.ofSeconds(1));
    byte[] erased = new byte[16];
    java.util.Arrays.fill(erased, (byte) 0xFF);
    assertArrayEquals(erased, client.readMemory(0x08000800L, 16));
  }

  @Test
  void readoutProtectThenUnprotectErasesAndResynchronises() {
    BootloaderClient client = client("F103xB");
    client.connect();
    client.writeMemory(0x08000000L, new byte[] {1, 2, 3, 4});
    client.readoutProtect();
    client.connect();
    NackException refused = assertThrows(NackException.class,
        () -> client.readMemory(0x08000000L, 4));
    assertEquals(Stage.COMMAND, refused.stage());
    client.readoutUnprotect(Duration.ofSeconds(2));
    client.connect();
    assertArrayEquals(new byte[] {-1, -1, -1, -1}, client.readMemory(0x08000000L, 4));
    assertEquals(2, sim.chip().resets());
  }

  @Test
  void readProtectionShowsAsAReadRefusedAtTheCommandStage() {
    BootloaderClient client = client("F103xB");
    client.connect();
    assertFalse(client.readProtected(0x08000000L));
    sim.chip().setReadProtectionLevel(1);
    assertTrue(client.readProtected(0x08000000L));
    assertThrows(NackException.class, () -> {
      sim.chip().setReadProtectionLevel(0);
      client.readProtected(0x00000004L);
    }, "an unmapped address is refused at the address stage, which is not read protection");
  }
}
