package org.romflash.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The USB probe libraries are optional: with usb4java, libusb4java, hid4java and JNA taken off
 * the class path, flashing over UART works as before, {@code ports} still lists, and asking for a
 * CMSIS-DAP probe says what is missing instead of failing with a linkage error.
 */
class WithoutUsbLibrariesTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("romflash.projectDir", "."),
      "examples", "blink-f103", "blink-f103.hex");

  private static String classPathWithoutUsb() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.matches(".*(usb4java|hid4java|/jna/|jna-).*"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Peers.Result romflash(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        classPathWithoutUsb(), "org.romflash.cli.Main"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Peers.Result(process.exitValue(), output);
  }

  @Test
  void theClassPathReallyLacksTheUsbLibraries() {
    assertFalse(classPathWithoutUsb().contains("usb4java"));
    assertTrue(System.getProperty("java.class.path").contains("usb4java"),
        "the test class path has them, so the filter is what removes them");
  }

  @Test
  void uartWritesWorkWithoutThem() throws Exception {
    Peers.Result write = romflash("write", EXAMPLE.toString(), "--port", "sim:F103xB", "-q");
    assertEquals(0, write.exitCode(), write.output());
  }

  @Test
  void aCmsisDapProbeSaysWhatIsMissing() throws Exception {
    Peers.Result info = romflash("info", "--probe", "cmsis-dap");
    assertEquals(3, info.exitCode(), info.output());
    assertTrue(info.output().contains("no CMSIS-DAP probe found on USB (CMSIS-DAP v2"
        + " (usb4java/libusb) unavailable: java.lang.NoClassDefFoundError"), info.output());
    Peers.Result ports = romflash("ports");
    assertEquals(0, ports.exitCode(), ports.output());
    assertTrue(ports.output().contains("No CMSIS-DAP probe found on USB."), ports.output());
  }
}
