package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chip made of QEMU's Cortex-M models (Debian's python3-unicorn) through
 * {@code src/test/python/crc_routine_cpu.py}: memory to map and fill, then one AN3155 Go. Exists so
 * that RAM code romflash uploads is executed by a CPU model, not only by our reading of it.
 */
final class CortexM {
  private static final Path PROJECT = Path.of(System.getProperty("romflash.projectDir", "."));
  private static final Path HARNESS = PROJECT.resolve("src/test/python/crc_routine_cpu.py");

  private final String python;
  private final Path dir;
  private final List<String> memory = new ArrayList<>();
  private int files;

  /** A chip with nothing mapped, working in {@code dir}; skips the test without unicorn. */
  CortexM(Path dir) {
    this.python = Peers.requirePython("unicorn");
    this.dir = dir;
  }

  /** Maps zeroed memory (base and size multiples of 4 KiB). */
  CortexM map(long base, long size) {
    memory.add(String.format("map 0x%08X 0x%X", base, size));
    return this;
  }

  /** Writes {@code content} at {@code address}, inside mapped memory. */
  CortexM load(long address, byte[] content) throws IOException {
    String name = "content-" + files++ + ".bin";
    Files.write(dir.resolve(name), content);
    memory.add(String.format("load 0x%08X %s", address, name));
    return this;
  }

  /** One data write the CPU made. */
  record Write(long address, int size, long value) {}

  /** How a run ended, as the harness reports it. */
  record Result(String cpu, String end, String detail, long msp, long instructions, String scs,
      List<Write> writes, byte[] dump) {}

  /**
   * Go {@code go} on the model {@code cpu} (m0, m3, m4, m7) until the PC reaches {@code landing},
   * more than {@code budget} instructions have run, or the CPU faults; then reads {@code dumpLength}
   * bytes at {@code dumpAddress}.
   */
  Result go(String cpu, long go, long landing, long budget, long dumpAddress, int dumpLength)
      throws IOException, InterruptedException {
    Path memoryFile = Files.writeString(dir.resolve("memory.txt"), String.join("\n", memory));
    Path resultFile = dir.resolve("result-" + cpu + ".txt");
    Peers.Result run = Peers.run(List.of(python, HARNESS.toString(), "--cpu", cpu, "--memory",
        memoryFile.toString(), "--go", hex(go), "--landing", hex(landing), "--budget",
        Long.toString(budget), "--dump", hex(dumpAddress), Integer.toString(dumpLength),
        "--result", resultFile.toString()), 60);
    assertEquals(0, run.exitCode(), run.output());
    Map<String, String> values = new LinkedHashMap<>();
    List<Write> writes = new ArrayList<>();
    for (String line : Files.readAllLines(resultFile, StandardCharsets.UTF_8)) {
      String[] words = line.split(" ", 2);
      if (words[0].equals("write")) {
        String[] w = words[1].split(" ");
        writes.add(new Write(Long.decode(w[0]), Integer.parseInt(w[1]), Long.decode(w[2])));
      } else {
        values.put(words[0], words[1]);
      }
    }
    String dump = values.containsKey("dump") ? values.get("dump").split(" ")[1] : "";
    return new Result(values.get("cpu"), values.get("end"), values.get("detail"),
        Long.decode(values.get("msp")), Long.parseLong(values.get("instructions")),
        values.get("scs"), writes, HexFormat.of().parseHex(dump));
  }

  private static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }
}
