package org.romflash.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.romflash.device.BootloaderProfile;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.Timeouts;

/** Telling apart chips under one product ID, and reading the real flash size, on the emulator. */
class ChipIdentityTest {
  private static final Device F103 = DeviceDatabase.bundled().byName("F103xB").orElseThrow();
  private static final long ID_ADDRESS = 0x1FFFF7D6L;
  private Emulator.Simulation sim;

  @AfterEach
  void close() {
    sim.close();
  }

  private BootloaderClient connect(Device chip, int readProtection) {
    sim = Emulator.simulate(chip, Emulator.Options.defaults());
    sim.chip().setReadProtectionLevel(readProtection);
    BootloaderClient client = new BootloaderClient(sim.hostLink(),
        Timeouts.forBaud(115200).withReply(Duration.ofMillis(300)));
    client.connect();
    return client;
  }

  private static Device withBootloaderId(Device d, String name, int id) {
    BootloaderProfile bl = d.bootloader();
    return new Device(d.pid(), name, d.title(), d.parts(), d.family(), d.source(),
        new BootloaderProfile(bl.version(), bl.commands(), bl.reservedRam(), OptionalInt.of(id),
            ID_ADDRESS),
        d.flash(), d.programWord(), d.erasedValue(), d.rewrite(), d.flashSizeRegister(),
        d.ramRegions(), d.systemMemory(), d.options(), d.eeprom(), d.otp(), d.uidAddress(),
        d.timing(), d.quirks());
  }

  @Test
  void theBootloaderIdPicksTheEntryAmongThoseSharingAProductId() {
    Device a = withBootloaderId(F103, "F103xA", 0x21);
    Device b = withBootloaderId(F103, "F103xZ", 0x22);
    BootloaderClient client = connect(b, 0);
    ChipIdentity identity = ChipIdentity.identify(client::readMemory, List.of(a, b));
    assertEquals("F103xZ", identity.entry().name());
    assertEquals(List.of(), identity.notes());
  }

  @Test
  void underReadProtectionTheFirstEntryIsAssumedAndTheNoteSaysWhy() {
    Device a = withBootloaderId(F103, "F103xA", 0x21);
    Device b = withBootloaderId(F103, "F103xZ", 0x22);
    BootloaderClient client = connect(b, 1);
    ChipIdentity identity = ChipIdentity.identify(client::readMemory, List.of(a, b));
    assertEquals("F103xA", identity.entry().name());
    assertEquals(List.of("the bootloader ID at 0x1FFFF7D6 cannot be read (read protection?);"
        + " assuming F103xA of F103xA, F103xZ", "the flash-size register cannot be read (read"
        + " protection?); assuming the entry's 128 KiB"), identity.notes());
    assertEquals(Optional.empty(), identity.flashSizeKib());
  }

  @Test
  void aSmallerPartIsLimitedToTheFlashItsRegisterReports() {
    BootloaderClient client = connect(F103.withFlashSize(64 * 1024), 0);
    ChipIdentity identity = ChipIdentity.identify(client::readMemory, List.of(F103));
    assertEquals(Optional.of(64), identity.flashSizeKib());
    assertEquals(64 * 1024, identity.device().flash().size());
    assertEquals(128 * 1024, identity.entry().flash().size());
  }

  @Test
  void aBootloaderIdNoEntryKnowsIsReportedAndTheFirstEntryAssumed() {
    Device a = withBootloaderId(F103, "F103xA", 0x21);
    Device b = withBootloaderId(F103, "F103xZ", 0x22);
    BootloaderClient client = connect(withBootloaderId(F103, "F103xQ", 0x99), 0);
    ChipIdentity identity = ChipIdentity.identify(client::readMemory, List.of(a, b));
    assertEquals("F103xA", identity.entry().name());
    assertEquals(List.of("bootloader ID 0x99 at 0x1FFFF7D6 matches no entry for 0x410; assuming"
        + " F103xA"), identity.notes());
  }

  @Test
  void aRegisterReportingMoreFlashThanTheEntryKeepsTheEntrysFlashAndSaysSo() {
    Device small = F103.withFlashSize(64 * 1024);
    BootloaderClient client = connect(F103, 0);
    ChipIdentity identity = ChipIdentity.identify(client::readMemory, List.of(small));
    assertEquals(64 * 1024, identity.device().flash().size());
    assertEquals(List.of("the flash-size register reports 128 KiB, more than the 64 KiB the F103xB"
        + " entry describes; only those 64 KiB are used"), identity.notes());
  }
}
