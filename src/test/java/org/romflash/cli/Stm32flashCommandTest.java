package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;
import org.romflash.emulator.Emulator;
import org.romflash.emulator.EmulatorServer;

/**
 * {@code romflash stm32flash} on an emulated F103 reached over TCP, for what needs no stm32flash to
 * compare with: romflash's own messages, standard input and output, short frames, the reset
 * program, and the refusals that replace stm32flash's silent mistakes.
 */
class Stm32flashCommandTest {
  private static final long BASE = 0x0800_0000L;

  @TempDir Path dir;
  private Chip chip;
  private EmulatorServer server;
  private String port;
  private byte[] old;

  @BeforeEach
  void emulate() throws Exception {
    chip = new Chip(DeviceDatabase.bundled().byName("F103xB").orElseThrow());
    old = new byte[128 * 1024];
    new Random(7).nextBytes(old);
    chip.load(BASE, old);
    server = new EmulatorServer(chip, Emulator.Options.defaults());
    port = "tcp://127.0.0.1:" + server.startTcp(0);
  }

  @AfterEach
  void stop() {
    server.shutdown();
  }

  private byte[] flash() {
    return chip.peek(BASE, old.length).orElseThrow();
  }

  private static byte[] image(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return data;
  }

  @Test
  void helpIsRomflashsOwnTextAndExitsZero() {
    Cli cli = Cli.run("stm32flash", "-h");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().startsWith("Usage: romflash stm32flash [OPTIONS] DEVICE\n"), cli.out());
    assertTrue(cli.out().contains("Not supported: host GPIO numbers in -i, and -a (I2C); they are"
        + " refused, not ignored."), cli.out());
  }

  @Test
  void aWriteSaysWhatItDidAndTheChipHoldsTheImage() throws Exception {
    Path file = dir.resolve("fw.bin");
    Files.write(file, image(3000));
    Cli cli = Cli.run("stm32flash", "-w", file.toString(), "-v", port);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals("chip: STM32F103xB (PID 0x410), bootloader 2.2, 128 KiB flash\n"
        + "wrote 3000 bytes of bin data at 0x08000000-0x08000BB7 (1 segment), 3 pages erased,"
        + " verified by readback\n", cli.out());
    byte[] expected = old.clone();
    Arrays.fill(expected, 0, 0xC00, (byte) 0xFF);
    System.arraycopy(image(3000), 0, expected, 0, 3000);
    assertArrayEquals(expected, flash());
  }

  @Test
  void shortFramesStillCarryEveryByte() throws Exception {
    Path file = dir.resolve("fw.bin");
    Files.write(file, image(1000));
    Cli write = Cli.run("stm32flash", "-F", "20:6", "-w", file.toString(), "-v", port);
    assertEquals(0, write.exitCode(), write.toString());
    assertArrayEquals(image(1000), chip.peek(BASE, 1000).orElseThrow());
    Path back = dir.resolve("back.bin");
    Cli read = Cli.run("stm32flash", "-F20", "-r", back.toString(), "-S", "0x08000000:1000", port);
    assertEquals(0, read.exitCode(), read.toString());
    assertArrayEquals(image(1000), Files.readAllBytes(back));
  }

  @Test
  void readToStandardOutputCarriesOnlyTheBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"stm32flash", "-r", "-", "-S", "0x08000100:40", port},
        new PrintStream(out, true), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertArrayEquals(Arrays.copyOfRange(old, 0x100, 0x128), out.toByteArray());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("read 40 bytes from"
        + " 0x08000100-0x08000127 into standard output (raw binary)\n"), err.toString());
  }

  @Test
  void writeFromStandardInput() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(image(512)));
      Cli cli = Cli.run("stm32flash", "-w", "-", "-S", "0x08000400", port);
      assertEquals(0, cli.exitCode(), cli.toString());
    } finally {
      System.setIn(stdin);
    }
    assertArrayEquals(image(512), chip.peek(BASE + 0x400, 512).orElseThrow());
  }

  @Test
  void resetRunsTheResetProgramFromFreeRam() throws Exception {
    Cli cli = Cli.run("stm32flash", "-R", port);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().endsWith("reset the chip (reset program run from 0x20000200)\n"),
        cli.out());
    assertArrayEquals(ResetProgram.image(0x20000200L, 0x20005000L),
        chip.peek(0x20000200L, 24).orElseThrow());
    assertArrayEquals(new byte[] {0x00, 0x50, 0x00, 0x20, 0x09, 0x02, 0x00, 0x20, 0x01, 0x48, 0x02,
        0x49, 0x01, 0x60, (byte) 0xFE, (byte) 0xE7, 0x0C, (byte) 0xED, 0x00, (byte) 0xE0, 0x04,
        0x00, (byte) 0xFA, 0x05}, ResetProgram.image(0x20000200L, 0x20005000L));
    assertTrue(server.awaitIdle(java.time.Duration.ofSeconds(2)));
    assertTrue(server.leftBootloader());
  }

  @Test
  void aHexFileIsNotMovedByMinusS() throws Exception {
    Path hex = dir.resolve("fw.hex");
    Files.write(hex, List.of(":020000040800F2", ":0400000001020304F2", ":00000001FF"));
    Cli cli = Cli.run("stm32flash", "-w", hex.toString(), "-S", "0x08000400", port);
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals("error: " + hex + " places its data from 0x08000000, but -S or -s names"
        + " 0x08000400: romflash writes hex files at their own addresses (stm32flash 0.7 would move"
        + " the data). Leave out -S/-s, or give -f for a raw binary\n"
        + "hint: 'romflash stm32flash -h' lists the options romflash understands\n", cli.err());
    assertArrayEquals(old, flash());
  }

  @Test
  void dataLongerThanTheGivenRangeIsRefusedBeforeAnythingIsErased() throws Exception {
    Path file = dir.resolve("fw.bin");
    Files.write(file, image(3000));
    Cli cli = Cli.run("stm32flash", "-w", file.toString(), "-S", "0x08000400:1024", port);
    assertEquals(6, cli.exitCode(), cli.toString());
    assertTrue(cli.err().startsWith("error: image data at 0x08000400-0x08000FB7 (3000 bytes) does"
        + " not fit 0x08000400-0x080007FF, the range -S 0x08000400:1024 allows: 1976 bytes from"
        + " 0x08000800 on would be left out\n"), cli.err());
    assertTrue(cli.err().endsWith("hint: nothing was erased or written. Check that the file is"
        + " the one meant for this chip, or widen -S or -e\n"), cli.err());
    assertArrayEquals(old, flash());
  }

  @Test
  void anEraseCountTooSmallForTheDataIsRefused() throws Exception {
    Path file = dir.resolve("fw.bin");
    Files.write(file, image(3000));
    Cli cli = Cli.run("stm32flash", "-e", "1", "-w", file.toString(), port);
    assertEquals(6, cli.exitCode(), cli.toString());
    assertTrue(cli.err().startsWith("error: image data at 0x08000000-0x08000BB7 (3000 bytes) does"
        + " not fit 0x08000000-0x080003FF, the range -e 1 allows: 1976 bytes from 0x08000400 on"
        + " would be left out\n"), cli.err());
    assertArrayEquals(old, flash());
  }

  @Test
  void resumeSendsNoSyncByteSoAFreshBootloaderDoesNotAnswer() {
    Cli cli = Cli.run("stm32flash", "-c", port);
    assertEquals(3, cli.exitCode(), cli.toString());
    assertEquals("error: Get (0x00): no reply within 1000 ms (0 of 1 bytes received) at the command"
        + " stage\nhint: -c skips the 0x7F that wakes the bootloader: it works only after an earlier"
        + " run at the same baud rate, with no reset since. Run without -c\n", cli.err());
  }

  @Test
  void gpioSequencesAreRunAndHostGpioNumbersAreRefused() throws Exception {
    Path image = dir.resolve("x.bin");
    java.nio.file.Files.write(image, new byte[] {1, 2, 3, 4});
    Cli lines = Cli.run("stm32flash", "-i", "rts,-dtr", "-w", image.toString(), port);
    assertEquals(0, lines.exitCode(), lines.toString());
    Cli numbers = Cli.run("stm32flash", "-i", "-3&-2,2:3", "-w", "x.bin", port);
    assertEquals(2, numbers.exitCode(), numbers.toString());
    assertTrue(numbers.err().startsWith("error: -i "), numbers.err());
    assertTrue(numbers.err().contains("hint: 'romflash stm32flash -h' lists the options romflash"
        + " understands\n"), numbers.err());
  }

  @Test
  void aPortThatDoesNotExistIsALinkFailure() {
    Cli cli = Cli.run("stm32flash", "-o", "/dev/romflash-no-such-port");
    assertEquals(7, cli.exitCode(), cli.toString());
    assertTrue(cli.err().startsWith("error: "), cli.err());
  }
}
