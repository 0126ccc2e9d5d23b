package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.romflash.device.DeviceDatabase;

/** {@code romflash devices}: listing, explaining and JSON, without a chip. */
class DevicesCommandTest {
  private static final int KNOWN = DeviceDatabase.bundled().all().size();

  @Test
  void withoutAQueryEveryEntryIsListedUnderAHeader() {
    Cli cli = Cli.run("devices");
    assertEquals(0, cli.exitCode(), cli.toString());
    String[] lines = cli.out().split("\n");
    assertTrue(lines[0].matches("PID +NAME +FAMILY +FLASH +RAM +PROTOCOL +TITLE"), lines[0]);
    assertEquals(KNOWN + 2, lines.length);
    assertEquals(KNOWN + " devices", lines[lines.length - 1]);
    assertTrue(cli.out().contains("\n0x410  F103xB "), cli.out());
  }

  @Test
  void anOrderedPartNumberFindsItsEntryAndExplainsItsMemoryMap() {
    Cli cli = Cli.run("devices", "STM32F103C8T6");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().startsWith("STM32F103xB: STM32F10xxx medium-density (STM32F1)\n"
        + "Product ID:    0x410\n"), cli.out());
    assertTrue(cli.out().contains("Flash:         erase units 128 x 1 KiB; program word 2 bytes; erased"
        + " 0xFF; rewrite forbidden\n"), cli.out());
    assertTrue(cli.out().contains("""
        Memory map:
          REGION          START       END         SIZE
          flash           0x08000000  0x0801FFFF  128 KiB
          RAM             0x20000000  0x20004FFF  20 KiB
            bootloader's  0x20000000  0x200001FF  512 B
          system memory   0x1FFFF000  0x1FFFF7FF  2 KiB
          option bytes    0x1FFFF800  0x1FFFF80F  16 B
          flash size reg  0x1FFFF7E0  0x1FFFF7E1  2 B
          unique ID       0x1FFFF7E8  0x1FFFF7F3  12 B
        """), cli.out());
    assertTrue(cli.out().contains("\nSource:        AN2606 Rev 70 "), cli.out());
  }

  @Test
  void aDualBankDeviceShowsEachBank() {
    Cli cli = Cli.run("devices", "H743xI");
    assertTrue(cli.out().contains("""
          flash bank 1    0x08000000  0x080FFFFF  1024 KiB
          flash bank 2    0x08100000  0x081FFFFF  1024 KiB
        """), cli.out());
    assertTrue(cli.out().contains("Flash:         erase units 8 x 128 KiB, 8 x 128 KiB in 2 banks;"),
        cli.out());
  }

  @Test
  void aProductIdQueryGivesJsonWithTheEntrysNumbers() throws Exception {
    Cli cli = Cli.run("devices", "0x410", "--json");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode entries = new ObjectMapper().readTree(cli.out());
    assertEquals(1, entries.size());
    JsonNode f103 = entries.get(0);
    assertEquals(0x410, f103.get("pid").asInt());
    assertEquals(0x08000000L, f103.get("flash").get("base").asLong());
    assertEquals(128, f103.get("flash").get("units").size());
    assertEquals(0x1FFFF800L, f103.get("option_bytes").get("fields").get("RDP").get("address")
        .asLong());
    assertEquals(0x200, f103.get("bootloader").get("reserved_ram").get("size").asInt());
  }

  @Test
  void aQueryThatMatchesNothingIsExitEightWithWhereToLook() {
    Cli cli = Cli.run("devices", "Z80");
    assertEquals(8, cli.exitCode(), cli.toString());
    assertEquals("error: no device matches 'Z80' among the " + KNOWN + " known; run 'romflash"
        + " devices' to list them\nhint: add a device file for it in a directory and pass"
        + " --devices DIR (see devices/README.md for the format)\n", cli.err());
  }
}
