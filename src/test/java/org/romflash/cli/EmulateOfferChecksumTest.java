package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code romflash emulate --offer-checksum}: a chip whose bootloader lists Get Checksum. */
class EmulateOfferChecksumTest {
  private static final Pattern READY = Pattern.compile(
      "emulating STM32(\\S+) \\(PID (0x[0-9A-F]+), bootloader (v\\d\\.\\d)\\) on (tcp://\\S+)\\n");

  @Test
  void offerChecksumListsGetChecksumAndReportsProtocol33() throws Exception {
    Served served = Served.start("emulate", "-d", "F407xG", "--tcp", "0", "--offer-checksum");
    try {
      assertEquals("F407xG 0x413 v3.3", served.device() + " " + served.pid() + " "
          + served.version());
      Cli info = Cli.run("info", "--port", served.port());
      assertEquals(0, info.exitCode(), info.toString());
      assertTrue(info.out().contains("Bootloader:       protocol v3.3\n"), info.out());
      assertTrue(info.out().contains("0x92 Readout Unprotect, 0xA1 Get Checksum\n"), info.out());
      Cli crc = Cli.run("crc", "-n", "4", "--port", served.port());
      assertEquals(0, crc.exitCode(), crc.toString());
    } finally {
      served.stop();
    }
  }

  @Test
  void withoutTheOptionTheDevicesOwnBootloaderAnswers() throws Exception {
    Served served = Served.start("emulate", "-d", "F407xG", "--tcp", "0");
    try {
      assertEquals("v3.1", served.version());
      Cli info = Cli.run("info", "--port", served.port());
      assertEquals(0, info.exitCode(), info.toString());
      assertTrue(info.out().contains("Bootloader:       protocol v3.1\n"), info.out());
      assertTrue(!info.out().contains("Get Checksum"), info.out());
    } finally {
      served.stop();
    }
  }

  /** The emulate command running on its own thread, and what its ready line said. */
  private record Served(Thread thread, Matcher ready) {
    static Served start(String... args) throws InterruptedException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
      Thread thread = new Thread(() -> Main.run(args, printer, printer), "emulate");
      thread.setDaemon(true);
      thread.start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < deadline) {
        Matcher m = READY.matcher(out.toString(StandardCharsets.UTF_8));
        if (m.find()) {
          return new Served(thread, m);
        }
        Thread.sleep(20);
      }
      thread.interrupt();
      throw new AssertionError("no ready line from emulate: " + out.toString(StandardCharsets.UTF_8));
    }

    String device() {
      return ready.group(1);
    }

    String pid() {
      return ready.group(2);
    }

    String version() {
      return ready.group(3);
    }

    String port() {
      return ready.group(4);
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join(5_000);
    }
  }
}
