package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;

/**
 * The RAM programs behind {@code --reset}: byte for byte (the bytes were checked once with
 * arm-none-eabi-objdump; {@code peers.ThumbDisassemblyTest} checks them on every CI run).
 */
class ResetProgramTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("romflash.projectDir", "."),
      "examples", "blink-f103", "blink-f103.hex");
  /**
   * ldr r0,=0x40022000; two flash keys to KEYR (+8); two option keys to OPTKEYR (+12);
   * ldr r1,[r0,#20]; ldr r2,=1<<27; orrs r1,r2; str r1,[r0,#20]; b . ; then the literal pool.
   */
  static final String G0_OPTION_RELOAD = "064807498160074981600749c1600749c1604169064a11434161fee7"
      + "0020024023016745ab89efcd3b2a19087f6e5d4c00000008";
  static final String F0_OPTION_RELOAD = "0648074941600749416005498160054981600169044a11430161fee7"
      + "0020024023016745ab89efcd00200000";

  private static Device device(String name) {
    return DeviceDatabase.bundled().byName(name).orElseThrow();
  }

  @Test
  void anEmptyCheckChipGetsTheOptionReloadProgramBehindItsVectors() {
    byte[] program = ResetProgram.program(device("G071xB"), 0x20002700L);
    assertEquals("0090002009270020" + G0_OPTION_RELOAD, HexFormat.of().formatHex(program));
  }

  @Test
  void theF0UsesItsOwnRegisterMapAndTheFlashKeysForTheOptionBytes() {
    byte[] program = ResetProgram.program(device("F091xC"), 0x20001800L);
    assertTrue(HexFormat.of().formatHex(program).endsWith(F0_OPTION_RELOAD),
        HexFormat.of().formatHex(program));
  }

  @Test
  void otherChipsGetTheSystemResetProgram() {
    assertArrayEquals(ResetProgram.image(0x20000200L, 0x20005000L),
        ResetProgram.program(device("F103xB"), 0x20000200L));
  }

  @Test
  void thumbCodeRefusesAnOffsetThatIsNotAWordOffset() {
    assertThrows(IllegalArgumentException.class, () -> new ThumbCode().store(1, 0, 6));
    assertThrows(IllegalArgumentException.class, () -> new ThumbCode().load(1, 0, 128));
  }

  @Test
  void writeResetOnAG0UploadsTheOptionReloadAndStartsIt() throws Exception {
    try (ServedChip g0 = ServedChip.of("G071xB")) {
      Cli cli = Cli.run("write", EXAMPLE.toString(), "--reset", "--port", g0.port());
      assertEquals(0, cli.exitCode(), cli.toString());
      assertTrue(cli.out().endsWith("reset the chip (reset program run from 0x20002700)\n"),
          cli.out());
      byte[] expected = ResetProgram.program(device("G071xB"), 0x20002700L);
      assertArrayEquals(expected, g0.chip().peek(0x20002700L, expected.length).orElseThrow());
    }
  }
}
