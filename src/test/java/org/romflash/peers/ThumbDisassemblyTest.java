package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent check of the hand-assembled RAM program behind {@code write --reset} on chips
 * with an empty-flash check: Debian's arm-none-eabi-objdump disassembles its bytes into the
 * intended instructions (the byte string is pinned in {@code cli.ResetProgramTest}).
 */
class ThumbDisassemblyTest {
  private static final String G0_OPTION_RELOAD = "064807498160074981600749c1600749c1604169064a11"
      + "434161fee70020024023016745ab89efcd3b2a19087f6e5d4c00000008";

  @TempDir Path dir;

  @Test
  void theG0OptionReloadProgramDisassemblesToUnlockAndObLaunch() throws Exception {
    Peers.require("arm-none-eabi-objdump");
    Path bin = dir.resolve("reload.bin");
    Files.write(bin, HexFormat.of().parseHex(G0_OPTION_RELOAD));
    Peers.Result result = Peers.run(List.of("arm-none-eabi-objdump", "-D", "-b", "binary", "-m",
        "arm", "-M", "force-thumb", "--start-address=0", "--stop-address=0x1c", bin.toString()),
        30);
    assertEquals(0, result.exitCode(), result.output());
    List<String> instructions = result.output().lines()
        .filter(l -> l.matches("\\s+[0-9a-f]+:\\s.*"))
        .map(l -> l.substring(l.indexOf('\t', l.indexOf('\t') + 1) + 1).replaceAll("\\s*@.*", "")
            .replaceAll("\\s+", " ").trim())
        .toList();
    assertEquals(List.of("ldr r0, [pc, #24]", "ldr r1, [pc, #28]", "str r1, [r0, #8]",
        "ldr r1, [pc, #28]", "str r1, [r0, #8]", "ldr r1, [pc, #28]", "str r1, [r0, #12]",
        "ldr r1, [pc, #28]", "str r1, [r0, #12]", "ldr r1, [r0, #20]", "ldr r2, [pc, #24]",
        "orrs r1, r2", "str r1, [r0, #20]", "b.n 0x1a"), instructions);
  }
}
