package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** protect, crc, special and the erase variants, on an emulated chip whose state is checked after. */
class MoreCommandsTest extends ChipOverTcpTest {
  @org.junit.jupiter.api.io.TempDir Path dir;

  private static final Path EXAMPLE = Path.of(System.getProperty("romflash.projectDir", "."),
      "examples", "blink-f103", "blink-f103.hex");
  @Test
  void protectReadoutNeedsYesAndThenLocksReads() throws Exception {
    String port = serve("F103xB");
    Cli refused = Cli.run("protect", "readout", "--port", port);
    assertEquals(2, refused.exitCode(), refused.toString());
    assertEquals("error: read-out protection locks the flash against reading, and the only way"
        + " back (unprotect readout) erases the whole flash\nhint: run again with --yes if that is"
        + " what you want\n", refused.err());
    assertEquals(0, chip.readProtectionLevel());
    Cli done = Cli.run("protect", "readout", "--yes", "--port", port);
    assertEquals(0, done.exitCode(), done.toString());
    assertEquals(1, chip.readProtectionLevel());
  }

  @Test
  void protectWriteProtectsTheNamedSectorsOnly() throws Exception {
    String port = serve("F103xB");
    Cli cli = Cli.run("protect", "write", "--sectors", "2,5", "--port", port);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals("write protection is on for 2 sectors; the chip reset\n", cli.out());
    assertTrue(chip.writeProtected(2) && chip.writeProtected(5) && !chip.writeProtected(3));
    Cli bad = Cli.run("protect", "write", "--sectors", "128", "--port", port);
    assertEquals(2, bad.exitCode(), bad.toString());
    assertTrue(bad.err().startsWith("sector 128 does not exist: STM32F103xB has sectors 0 to 127"),
        bad.err());
  }

  @Test
  void crcOfAFileIsSameAfterWritingItAndDifferentBefore() throws Exception {
    String port = serve("F103xB");
    Cli before = Cli.run("crc", EXAMPLE.toString(), "--port", port);
    assertEquals(5, before.exitCode(), before.toString());
    assertTrue(before.out().endsWith("DIFFERENT\n"), before.out());
    assertEquals(0, Cli.run("write", EXAMPLE.toString(), "--port", port).exitCode());
    Cli after = Cli.run("crc", EXAMPLE.toString(), "--port", port);
    assertEquals(0, after.exitCode(), after.toString());
    assertTrue(after.out().matches("0x08000000-0x08000043  chip 0x([0-9A-F]{8})  file 0x\\1"
        + "  same\n"), after.out());
  }

  @Test
  void crcOfARangeUsesGetChecksumWhereOfferedAndAgreesWithReadBack() throws Exception {
    String g0 = serve(ServedChip.withGetChecksum("G071xB"));
    chip.load(0x08000100L, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Cli viaChecksum = Cli.run("crc", "-a", "0x08000000", "-n", "2K", "--port", g0);
    assertEquals(0, viaChecksum.exitCode(), viaChecksum.toString());
    String f1 = serve("F103xB");
    chip.load(0x08000100L, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Cli viaReadBack = Cli.run("crc", "-a", "0x08000000", "-n", "2K", "--port", f1);
    assertEquals(viaChecksum.out(), viaReadBack.out(), "Get Checksum and read-back agree");
    Cli unaligned = Cli.run("crc", "-a", "0x08000001", "-n", "8", "--port", f1);
    assertEquals(2, unaligned.exitCode(), unaligned.toString());
    assertTrue(unaligned.err().startsWith("the CRC covers whole 32-bit words: 0x08000001+8 must"
        + " start on a multiple of 4 and be a multiple of 4 long\n"), unaligned.err());
  }

  @Test
  void specialThatTheChipDoesNotKnowIsRefused() throws Exception {
    String port = serve("G071xB");
    Cli cli = Cli.run("special", "0x0102", "0A0B", "--port", port);
    assertEquals(4, cli.exitCode(), cli.toString());
    Cli odd = Cli.run("special", "0x0102", "ABC", "--port", port);
    assertEquals(2, odd.exitCode(), odd.toString());
    assertTrue(odd.err().startsWith("DATA 'ABC' is not an even number of hex digits"), odd.err());
  }

  @Test
  void eraseTakesAUnitListAndABank() throws Exception {
    String port = serve("H743xI");
    byte[] zeros = new byte[32];
    chip.load(0x08000000L, zeros);
    chip.load(0x08100000L, zeros);
    Cli units = Cli.run("erase", "--units", "0,3-4", "--port", port);
    assertEquals(0, units.exitCode(), units.toString());
    assertEquals("erased 3 units (0, 3-4)\n", units.out());
    byte[] erased = new byte[32];
    Arrays.fill(erased, (byte) 0xFF);
    assertTrue(Arrays.equals(erased, chip.peek(0x08000000L, 32).orElseThrow()));
    assertTrue(Arrays.equals(zeros, chip.peek(0x08100000L, 32).orElseThrow()));
    Cli bank = Cli.run("erase", "--bank", "2", "--port", port);
    assertEquals(0, bank.exitCode(), bank.toString());
    assertEquals("erased 8 units (8 to 15), 0x08100000-0x081FFFFF\n", bank.out());
    assertTrue(Arrays.equals(erased, chip.peek(0x08100000L, 32).orElseThrow()));
  }

  @Test
  void aBankOrUnitTheDeviceLacksIsAUsageError() throws Exception {
    String port = serve("F103xB");
    Cli bank = Cli.run("erase", "--bank", "2", "--port", port);
    assertEquals(2, bank.exitCode(), bank.toString());
    assertTrue(bank.err().startsWith("STM32F103xB has 1 bank, so there is no bank 2\n"), bank.err());
    Cli unit = Cli.run("erase", "--units", "127-128", "--port", port);
    assertEquals(2, unit.exitCode(), unit.toString());
    assertTrue(unit.err().startsWith("--units: STM32F103xB has units 0 to 127, not 128\n"),
        unit.err());
  }

  @Test
  void reflashingWithGetChecksumTouchesOnlyTheUnitThatChanged() throws Exception {
    String port = serve(ServedChip.withGetChecksum("G071xB"));
    byte[] image = new byte[16 * 1024];
    new java.util.Random(5).nextBytes(image);
    Path first = java.nio.file.Files.write(dir.resolve("a.bin"), image);
    Cli full = Cli.run("write", first.toString(), "--port", port);
    assertEquals("wrote 16384 bytes (1 segments, 0 units erased, 8 already blank), verified by"
        + " crc\n", full.out());
    image[5000] ^= 1;
    Path second = java.nio.file.Files.write(dir.resolve("b.bin"), image);
    Cli again = Cli.run("write", second.toString(), "--port", port);
    assertEquals(0, again.exitCode(), again.toString());
    assertEquals("wrote 16384 bytes (1 segments, 1 units erased, 7 already matched), verified by"
        + " crc\n", again.out());
    assertEquals(image[5000], chip.peek(0x08000000L + 5000, 1).orElseThrow()[0]);
  }
}
