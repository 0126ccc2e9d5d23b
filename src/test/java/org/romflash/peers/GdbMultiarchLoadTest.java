package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;
import org.romflash.image.Segment;
import org.romflash.swd.gdb.FakeTarget;
import org.romflash.swd.gdb.GdbRspServer;

/**
 * Debian's gdb-multiarch, the reference client, against our GDB server: {@code target remote},
 * {@code load} into the flash of a simulated F407 (through the memory map and vFlash packets),
 * {@code compare-sections} (qCRC), {@code x/4xw}, {@code monitor reset halt} and {@code detach}.
 * The ELF is built here with arm-none-eabi-as and -ld: a vector table and code in .text, 20000
 * random bytes in .rodata crossing the first 16 KiB sector, and .data initialisers stored in flash
 * after them (loaded at their flash address, run from RAM).
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GdbMultiarchLoadTest {
  private static final Device F407 = DeviceDatabase.bundled().byName("F407xG").orElseThrow();

  private static final String ASSEMBLY = String.join("\n",
      "        .syntax unified",
      "        .cpu cortex-m4",
      "        .thumb",
      "        .section .vectors, \"a\"",
      "        .word   0x20020000",
      "        .word   reset",
      "        .text",
      "        .global reset",
      "        .thumb_func",
      "reset:  b       reset",
      "        .balign 4",
      "        .section .rodata",
      "        .incbin \"payload.bin\"",
      "        .data",
      "        .word   0xdeadbeef, 0x2324257d, 0x2a2a2a2a, 0x00000000",
      "");

  private static final String LINKER_SCRIPT = String.join("\n",
      "MEMORY {",
      "  FLASH (rx) : ORIGIN = 0x08000000, LENGTH = 1024K",
      "  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 128K",
      "}",
      "SECTIONS {",
      "  .text : { KEEP(*(.vectors)) *(.text*) } > FLASH",
      "  .rodata : { *(.rodata*) } > FLASH",
      "  .data : { *(.data*) } > RAM AT > FLASH",
      "}",
      "");

  @TempDir Path dir;

  @Test
  void gdbLoadsAnElfIntoFlashAndEverySectionCompares() throws Exception {
    Peers.require("gdb-multiarch");
    Peers.require("arm-none-eabi-as");
    Path elf = buildElf();
    FakeTarget chip = new FakeTarget(F407);
    try (GdbRspServer server = GdbRspServer.start(0, chip.memory(), chip.core(), chip.flash(),
        F407)) {
      Peers.Result gdb = Peers.run(List.of("gdb-multiarch", "-batch", "-nx",
          "-ex", "set confirm off",
          "-ex", "target remote 127.0.0.1:" + server.port(),
          "-ex", "load",
          "-ex", "compare-sections",
          "-ex", "x/4xw 0x08000000",
          "-ex", "monitor reset halt",
          "-ex", "detach",
          elf.toString()), 120);
      String out = gdb.output();
      assertEquals(0, gdb.exitCode(), out);
      for (String section : List.of(".text", ".rodata", ".data")) {
        assertTrue(out.matches("(?s).*Section \\" + section + ", range 0x[0-9a-f]+ -- 0x[0-9a-f]+:"
            + " matched\\..*"), section + " not matched in:\n" + out);
      }
      assertFalse(out.contains("MIS-MATCHED"), out);
      assertTrue(out.contains("0x8000000:\t0x20020000\t0x08000009"), out);
      assertTrue(out.contains("reset; halted at pc 0x08000008"), out);
      assertEquals(1, chip.resets());
    }
    FirmwareImage image = ImageFiles.read(elf, 0);
    assertEquals(12 + 20000 + 16, image.size(), image.toString());
    for (Segment segment : image.segments()) {
      assertArrayEquals(segment.data(), chip.flashBytes(segment.address(), segment.length()),
          String.format("flash at 0x%08x", segment.address()));
    }
  }

  @Test
  void compareSectionsFindsEverySectionMisMatchedInFlashThatWasNeverLoaded() throws Exception {
    Peers.require("gdb-multiarch");
    Peers.require("arm-none-eabi-as");
    Path elf = buildElf();
    FakeTarget chip = new FakeTarget(F407);
    try (GdbRspServer server = GdbRspServer.start(0, chip.memory(), chip.core(), chip.flash(),
        F407)) {
      Peers.Result gdb = Peers.run(List.of("gdb-multiarch", "-batch", "-nx",
          "-ex", "set confirm off",
          "-ex", "target remote 127.0.0.1:" + server.port(),
          "-ex", "compare-sections",
          elf.toString()), 120);
      for (String section : List.of(".text", ".rodata", ".data")) {
        assertTrue(gdb.output().matches("(?s).*Section \\" + section
            + ", range 0x[0-9a-f]+ -- 0x[0-9a-f]+: MIS-MATCHED!.*"), gdb.output());
      }
    }
  }

  /**
   * The same load, but the server's target is the simulated CMSIS-DAP probe and chip, so gdb's
   * bytes go through ADIv5 and the F2/F4/F7 flash driver into the simulated flash controller.
   */
  @Test
  void gdbLoadsThroughTheSimulatedProbeAndTheSectorFlashDriver() throws Exception {
    Peers.require("gdb-multiarch");
    Peers.require("arm-none-eabi-as");
    Path elf = buildElf();
    org.romflash.swd.sim.SimulatedChip chip = new org.romflash.swd.sim.SimulatedChip(F407);
    try (org.romflash.swd.ProbeConnection probe = org.romflash.swd.ProbeConnection.open(
        org.romflash.swd.dap.CmsisDap.open(new org.romflash.swd.sim.SimulatedDapProbe(chip)),
        org.romflash.device.DeviceDatabase.bundled(),
        org.romflash.swd.ProbeConnection.Options.defaults(), note -> { });
        GdbRspServer server = GdbRspServer.start(0, probe.target().memory(),
            probe.target().core(), probe.target(), probe.target().device())) {
      Peers.Result gdb = Peers.run(List.of("gdb-multiarch", "-batch", "-nx",
          "-ex", "set confirm off",
          "-ex", "target remote 127.0.0.1:" + server.port(),
          "-ex", "load",
          "-ex", "compare-sections",
          "-ex", "detach",
          elf.toString()), 120);
      String out = gdb.output();
      assertEquals(0, gdb.exitCode(), out);
      for (String section : List.of(".text", ".rodata", ".data")) {
        assertTrue(out.matches("(?s).*Section \\" + section + ", range 0x[0-9a-f]+ -- 0x[0-9a-f]+:"
            + " matched\\..*"), section + " not matched in:\n" + out);
      }
      assertFalse(out.contains("MIS-MATCHED"), out);
    }
    FirmwareImage image = ImageFiles.read(elf, 0);
    for (Segment segment : image.segments()) {
      assertArrayEquals(segment.data(), chip.flash().array().read(segment.address(),
          segment.length()), String.format("flash at 0x%08x", segment.address()));
    }
  }

  private Path buildElf() throws Exception {
    byte[] payload = new byte[20000];
    new Random(1).nextBytes(payload);
    Files.write(dir.resolve("payload.bin"), payload);
    Files.writeString(dir.resolve("load.s"), ASSEMBLY);
    Files.writeString(dir.resolve("load.ld"), LINKER_SCRIPT);
    Path object = dir.resolve("load.o");
    Path elf = dir.resolve("load.elf");
    Peers.Result as = Peers.run(List.of("arm-none-eabi-as", "-I", dir.toString(), "-o",
        object.toString(), dir.resolve("load.s").toString()), 60);
    assertEquals(0, as.exitCode(), as.output());
    Peers.Result ld = Peers.run(List.of("arm-none-eabi-ld", "-T", dir.resolve("load.ld")
        .toString(), "-e", "reset", "-o", elf.toString(), object.toString()), 60);
    assertEquals(0, ld.exitCode(), ld.output());
    return elf;
  }
}
