package org.romflash.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Chip;

/**
 * The argument lines {@link Stm32flashCompatibilityTest} runs through both programs, the state the
 * chip starts in, the exit codes expected of each program, and for stm32flash bugs romflash fixes,
 * the flash romflash must leave instead.
 */
final class Stm32flashRows {
  private Stm32flashRows() {}

  static final long BASE = 0x0800_0000L;
  /** What every flash byte holds before the run: an earlier program, not erased flash. */
  static final byte OLD = (byte) 0xA5;
  static final int IMAGE_SIZE = 3000;

  /** From the initial flash and the row's input files, the flash romflash must leave. */
  @FunctionalInterface
  interface Fix {
    byte[] apply(byte[] initial, Path inputs) throws Exception;
  }

  /**
   * @param setup words for the starting state: "rdp" (read-out protected), "wrp" (page 0 write
   *     protected), "synchronised" (an earlier run sent the 0x7F), "nodevice" (no port argument)
   */
  record Row(String args, String setup, int stm32flashExit, int romflashExit, Fix fix) {
    List<String> arguments(Path inputs, String pty) {
      List<String> list = new ArrayList<>();
      if (!args.contains("-m")) {
        list.addAll(List.of("-m", "8n1"));
      }
      for (String word : args.split(" +")) {
        list.add(word.replace("DIR", inputs.toString()));
      }
      if (!setup.contains("nodevice")) {
        list.add(pty);
      }
      return list;
    }

    @Override
    public String toString() {
      return args + (setup.isEmpty() ? "" : " [" + setup + "]") + (fix == null ? "" : " (fix)");
    }
  }

  static List<Row> all() {
    return List.of(
        new Row("-w DIR/img.bin -v", "", 0, 0, null),
        new Row("-w DIR/img.bin -S 0x08000400", "", 0, 0, null),
        new Row("-r DIR/out.bin -S 0x08000010:300", "", 0, 0, null),
        new Row("-r DIR/out.bin", "", 0, 0, null),
        new Row("-o", "", 0, 0, null),
        new Row("-o -s 1 -e 3", "", 0, 0, null),
        new Row("-o -S 0x08000800:100", "", 1, 2, null),
        new Row("-k", "rdp", 0, 0, null),
        new Row("-r DIR/out.bin", "rdp", 1, 4, null),
        new Row("-u", "wrp", 0, 0, null),
        new Row("-j", "", 0, 0, null),
        new Row("-g 0x08000000", "", 0, 0, null),
        new Row("-w DIR/img.bin -g 0", "", 0, 0, null),
        new Row("-w DIR/img.bin -R", "", 0, 0, null),
        new Row("-C", "", 0, 0, null),
        new Row("-C -S 0x08000400:1024", "", 0, 0, null),
        new Row("-c -r DIR/out.bin -S 0x08000000:256", "synchronised", 0, 0, null),
        new Row("-m 8n1 -b 57600 -w DIR/img.bin", "", 0, 0, null),
        new Row("-w DIR/img.bin -e 0", "", 1, 4, null),
        new Row("-v", "", 1, 2, null),
        new Row("-o", "nodevice", 1, 2, null),
        new Row("-w DIR/img.bin -e 4", "", 0, 0, (initial, in) ->
            written(erased(initial, 0, 0x1000), 0, in.resolve("img.bin"))),
        new Row("-w DIR/img.bin -s 2", "", 0, 0, (initial, in) ->
            written(erased(initial, 0x800, 0x1400), 0x800, in.resolve("img.bin"))),
        new Row("-x -o", "", 0, 2, (initial, in) -> initial),
        new Row("-w DIR/big.bin", "", 0, 6, (initial, in) -> initial),
        new Row("-w DIR/img.bin -S 0x08000400:1024", "", 0, 6, (initial, in) -> initial),
        new Row("-w DIR/gap.hex", "", 0, 0, (initial, in) -> {
          byte[] flash = erased(erased(initial, 0, 0x400), 0xC00, 0x1000);
          System.arraycopy(new byte[] {1, 2, 3, 4}, 0, flash, 0, 4);
          System.arraycopy(new byte[] {5, 6, 7, 8}, 0, flash, 0xC00, 4);
          return flash;
        }),
        new Row("-w DIR/bad.hex", "", 0, 8, (initial, in) -> initial));
  }

  static Chip chip(Row row) {
    Chip chip = new Chip(DeviceDatabase.bundled().byName("F103xB").orElseThrow());
    chip.load(BASE, initial(chip));
    if (row.setup().contains("rdp")) {
      chip.setReadProtectionLevel(1);
    }
    if (row.setup().contains("wrp")) {
      chip.setWriteProtected(0, true);
    }
    return chip;
  }

  static byte[] initial(Chip chip) {
    byte[] flash = new byte[(int) chip.device().flash().size()];
    Arrays.fill(flash, OLD);
    return flash;
  }

  /** img.bin (3000 bytes), big.bin (100 bytes more than the flash), gap.hex, bad.hex. */
  static void writeInputs(Path dir) throws Exception {
    Files.write(dir.resolve("img.bin"), image(IMAGE_SIZE, 1));
    Files.write(dir.resolve("big.bin"), image(128 * 1024 + 100, 2));
    // Four bytes at the start of page 0 and four at the start of page 3; pages 1 and 2 are a gap.
    Files.write(dir.resolve("gap.hex"), List.of(":020000040800F2", ":0400000001020304F2",
        ":040C000005060708D6", ":00000001FF"));
    // The second record's checksum is wrong (0x9C instead of 0xD6).
    Files.write(dir.resolve("bad.hex"), List.of(":020000040800F2", ":0400000001020304F2",
        ":040C0000050607089C", ":00000001FF"));
  }

  private static byte[] image(int size, int seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    for (int i = 0; i < size; i++) {
      if (data[i] == OLD || data[i] == (byte) 0xFF) {
        data[i] = 0x11;
      }
    }
    return data;
  }

  private static byte[] erased(byte[] flash, int from, int to) {
    byte[] copy = flash.clone();
    Arrays.fill(copy, from, to, (byte) 0xFF);
    return copy;
  }

  private static byte[] written(byte[] flash, int offset, Path file) throws Exception {
    byte[] data = Files.readAllBytes(file);
    System.arraycopy(data, 0, flash, offset, data.length);
    return flash;
  }
}
