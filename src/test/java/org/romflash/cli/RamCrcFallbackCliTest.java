package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.RamCode;

/**
 * What a user sees when romflash's RAM CRC routine cannot run: on a bootloader emulator that
 * cannot execute code the write is verified by reading back, with a warning; on a chip that never
 * comes back the run stops with a message that says what was done and what to do.
 */
class RamCrcFallbackCliTest {
  @TempDir Path dir;

  @Test
  void aBootloaderThatCannotRunTheRoutineIsReadBackWithAWarning() throws Exception {
    byte[] image = image(8 * 1024);
    try (ServedChip served = serve(RamCode.RESTART)) {
      Cli cli = Cli.run("write", file(image).toString(), "--port", served.port());
      assertEquals(0, cli.exitCode(), cli.toString());
      assertEquals("wrote 8192 bytes (1 segments, 8 units erased), verified by readback\n",
          cli.out());
      assertTrue(cli.err().contains("warning: romflash's RAM CRC routine cannot be used on this"
          + " chip: the routine ran but left no answer; reading back instead\n"), cli.err());
      assertArrayEquals(image, served.chip().peek(0x08000000L, image.length).orElseThrow());
    }
  }

  @Test
  void verifyByReadbackNeverRunsCodeOnTheChip() throws Exception {
    byte[] image = image(8 * 1024);
    try (ServedChip served = serve(RamCode.DEAF)) {
      served.chip().load(0x08000000L, image);
      Cli cli = Cli.run("verify", file(image).toString(), "--by", "readback", "--port",
          served.port());
      assertEquals(0, cli.exitCode(), cli.toString());
      assertEquals("the chip holds " + dir.resolve("fw.bin") + " (8192 bytes)\n", cli.out());
    }
  }

  @Test
  void aChipThatNeverComesBackStopsTheRunWithAHint() throws Exception {
    byte[] image = image(8 * 1024);
    try (ServedChip served = serve(RamCode.DEAF)) {
      served.chip().load(0x08000000L, image);
      Cli cli = Cli.run("verify", file(image).toString(), "--port", served.port());
      assertEquals(3, cli.exitCode(), cli.toString());
      assertTrue(cli.err().contains("error: the chip did not come back to its bootloader within"),
          cli.err());
      assertTrue(cli.err().contains("hint: reset the board with BOOT0 high. What was written stays"
          + " written: `romflash verify FILE --by readback` checks it."), cli.err());
    }
  }

  private ServedChip serve(RamCode ramCode) throws Exception {
    return ServedChip.of(new Chip(DeviceDatabase.bundled().byName("F103xB").orElseThrow()),
        Emulator.Options.defaults().withRamCode(ramCode));
  }

  private Path file(byte[] image) throws Exception {
    return Files.write(dir.resolve("fw.bin"), image);
  }

  private static byte[] image(int size) {
    byte[] data = new byte[size];
    new Random(9).nextBytes(data);
    return data;
  }
}
