package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.romflash.flash.Crc32Stm32;
import org.romflash.flash.CrcRange;
import org.romflash.flash.CrcRoutine;

/**
 * The committed RAM CRC routine run by QEMU's Cortex-M0, M3, M4 and M7 models, as
 * protocol-spec/ram-crc-routine.md ("The proof") asks: every CRC equals {@link Crc32Stm32}; the
 * routine writes the CRC slots, then the done word, then SysTick's control register and nothing
 * else; it ends in the bootloader's reset handler with the bootloader's stack pointer; and it runs
 * exactly a third of {@link CrcRoutine#worstCaseCycles} instructions.
 */
class CrcRoutineCpuTest {
  private static final CrcRoutine ROUTINE = CrcRoutine.bundled();
  private static final long FLASH = 0x0800_0000L;
  private static final int FLASH_SIZE = 256 * 1024;
  private static final long RAM = 0x2000_0000L;
  private static final long SYSTEM_MEMORY = 0x1FFF_0000L;
  private static final long BOOT_STACK = 0x2000_0200L;
  private static final long LANDING = SYSTEM_MEMORY + 0x100;
  private static final long SYST_CSR = 0xE000_E010L;
  /** unicorn 2's UC_CPU_ARM_CORTEX_M* numbers, which the harness reports back. */
  private static final Map<String, Integer> MODELS = Map.of("m0", 7, "m3", 8, "m4", 9, "m7", 10);

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"m0", "m3", "m4", "m7"})
  void everyCrcMatchesCrc32Stm32AndTheRoutineReturnsToTheBootloader(String cpu) throws Exception {
    Random random = new Random(0xC0DE + MODELS.get(cpu));
    byte[] flash = new byte[FLASH_SIZE];
    random.nextBytes(flash);
    check(cpu, random, flash, List.of(new CrcRange(FLASH, FLASH_SIZE)));
    for (int run = 0; run < 4; run++) {
      check(cpu, random, flash, ranges(random, 1 + random.nextInt(20)));
    }
    check(cpu, random, flash, ranges(random, 20));
  }

  @Test
  void thumb2CodeFaultsOnTheM0ModelButRunsOnTheM3SoAnM0PassMeansArmv6M() throws Exception {
    // SP, reset handler 0x20000409; mla r0, r1, r2, r3; ldr r0, =0x1FFF0101; bx r0
    byte[] program = HexFormat.of().parseHex("000200200904002001fb0230004800470101ff1f");
    List<String> ends = new ArrayList<>();
    for (String cpu : List.of("m0", "m3")) {
      CortexM.Result result = new CortexM(dir).map(RAM, 0x1_0000).map(SYSTEM_MEMORY, 0x1000)
          .load(SYSTEM_MEMORY, bootloader()).load(RAM + 0x400, program)
          .go(cpu, RAM + 0x400, LANDING | 1, 100, 0, 0);
      ends.add(cpu + ": " + result.end() + " " + result.detail());
    }
    assertEquals(List.of("m0: fault Invalid instruction (UC_ERR_INSN_INVALID)", "m3: landing -"),
        ends);
  }

  private void check(String cpu, Random random, byte[] flash, List<CrcRange> ranges)
      throws Exception {
    int n = ranges.size();
    long load = RAM + 0x400 + 4 * random.nextInt(0x1000);
    int nonce = random.nextInt();
    long bytes = ranges.stream().mapToLong(CrcRange::length).sum();
    long answer = ROUTINE.answerAddress(load);
    CortexM.Result result = new CortexM(dir).map(FLASH, FLASH_SIZE).map(RAM, 0x1_0000)
        .map(SYSTEM_MEMORY, 0x1000).load(FLASH, flash).load(SYSTEM_MEMORY, bootloader())
        .load(load, ROUTINE.upload(load, SYSTEM_MEMORY, nonce, ranges))
        .go(cpu, load, LANDING | 1, ROUTINE.worstCaseCycles(bytes, n), answer,
            ROUTINE.answerLength(n));
    String run = String.format("%s at 0x%X, %d ranges %s", cpu, load, n, ranges);
    assertEquals(cpu + " " + MODELS.get(cpu), result.cpu(), run);
    assertEquals("landing -", result.end() + " " + result.detail(), run);
    assertEquals(BOOT_STACK, result.msp(), run);
    assertEquals(ROUTINE.worstCaseCycles(bytes, n), 3 * result.instructions(), run);

    int[] expected = ranges.stream().mapToInt(r -> Crc32Stm32.update(Crc32Stm32.INITIAL, flash,
        (int) (r.address() - FLASH), (int) r.length())).toArray();
    assertArrayEquals(expected, ROUTINE.crcs(result.dump(), nonce, n).orElseThrow(), run);
    List<CortexM.Write> writes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      writes.add(new CortexM.Write(answer + CrcRoutine.crcOffset(n) + 4 * i, 4,
          Integer.toUnsignedLong(expected[i])));
    }
    writes.add(new CortexM.Write(answer + CrcRoutine.doneOffset(), 4,
        Integer.toUnsignedLong(nonce ^ CrcRoutine.DONE_XOR)));
    writes.add(new CortexM.Write(SYST_CSR, 4, 0));
    assertEquals(writes, result.writes(), run);
  }

  /** Random whole-word ranges inside the flash: single words and up to 16 KiB, some overlapping. */
  private static List<CrcRange> ranges(Random random, int count) {
    List<CrcRange> ranges = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int words = random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(4096);
      int start = random.nextInt(FLASH_SIZE / 4 - words + 1);
      ranges.add(new CrcRange(FLASH + 4L * start, 4L * words));
    }
    return ranges;
  }

  /** System memory whose vector table says SP 0x20000200, reset handler 0x1FFF0101: b . */
  private static byte[] bootloader() {
    return ByteBuffer.allocate(0x102).order(ByteOrder.LITTLE_ENDIAN).putInt((int) BOOT_STACK)
        .putInt((int) LANDING | 1).putShort(0x100, (short) 0xE7FE).array();
  }
}
