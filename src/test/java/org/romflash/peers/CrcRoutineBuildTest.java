package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.flash.CrcRoutine;

/**
 * The RAM CRC routine the jar carries is the one src/main/thumb/crc-routine.S assembles to:
 * build-crc-routine, run with Debian's binutils-arm-none-eabi, reproduces it byte for byte.
 */
class CrcRoutineBuildTest {
  private static final Path PROJECT = Path.of(System.getProperty("romflash.projectDir", "."));

  @TempDir Path dir;

  @Test
  void buildingTheAssemblySourceGivesTheCommittedBlobByteForByte() throws Exception {
    Peers.require("arm-none-eabi-as");
    Path built = dir.resolve("crc-routine.bin");
    Peers.Result result = Peers.run(List.of("bash",
        PROJECT.resolve("src/main/thumb/build-crc-routine").toString(), built.toString()), 60);
    assertEquals(0, result.exitCode(), result.output());
    assertEquals(HexFormat.of().formatHex(CrcRoutine.bundled().blob()),
        HexFormat.of().formatHex(Files.readAllBytes(built)));
  }
}
