package org.romflash.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the processes that have a port open, as fuser does, from a /proc layout. */
class PortHoldersTest {
  @TempDir Path dir;

  private void process(Path proc, long pid, String command, String... openFiles) throws Exception {
    Path p = Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("fd"));
    Files.writeString(p.getParent().resolve("comm"), command + "\n");
    for (int fd = 0; fd < openFiles.length; fd++) {
      Files.createSymbolicLink(p.resolve(Integer.toString(fd)), Path.of(openFiles[fd]));
    }
  }

  @Test
  void theProcessesWithADescriptorOnThePortAreNamedLowestPidFirst() throws Exception {
    Path proc = Files.createDirectories(dir.resolve("proc"));
    process(proc, 1200, "minicom", "/dev/null", "/dev/ttyUSB0");
    process(proc, 77, "ModemManager", "/dev/ttyUSB0");
    process(proc, 300, "bash", "/dev/pts/3", "/dev/ttyUSB1");
    Files.createDirectories(proc.resolve("self"));
    assertEquals(List.of(new PortHolders.Holder(77, "ModemManager"),
        new PortHolders.Holder(1200, "minicom")), PortHolders.of(Path.of("/dev/ttyUSB0"), proc));
  }

  @Test
  void aPortNobodyHoldsAndAMissingProcTreeGiveNobody() throws Exception {
    Path proc = Files.createDirectories(dir.resolve("proc"));
    process(proc, 10, "bash", "/dev/pts/0");
    assertEquals(List.of(), PortHolders.of(Path.of("/dev/ttyACM0"), proc));
    assertEquals(List.of(), PortHolders.of(Path.of("/dev/ttyACM0"), dir.resolve("no-proc")));
  }

  @Test
  void thisProcessIsFoundHoldingAFileItHasOpen() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc on this system");
    Path file = Files.writeString(dir.resolve("held"), "x");
    try (FileInputStream held = new FileInputStream(file.toFile())) {
      assertEquals('x', held.read());
      List<PortHolders.Holder> holders = PortHolders.of(file);
      assertEquals(1, holders.size(), holders.toString());
      assertEquals(ProcessHandle.current().pid(), holders.get(0).pid());
      assertTrue(!holders.get(0).command().isEmpty() && !holders.get(0).command().equals("?"),
          holders.toString());
    }
  }
}
