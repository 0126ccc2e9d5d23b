package org.romflash.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortListTest {
  @TempDir Path dir;

  @Test
  void simCountsBecomeNumberedEmulatedChips() {
    assertEquals(List.of("sim:F103xB#1", "sim:F103xB#2", "sim:F103xB#3", "/dev/ttyS0"),
        PortList.expand("sim:F103xB*3, /dev/ttyS0"));
  }

  @Test
  void globsAreSortedAsPeopleCount() throws IOException {
    for (String name : List.of("ttyUSB10", "ttyUSB2", "ttyUSB1", "ttyACM0", ".ttyUSB1.target")) {
      Files.createFile(dir.resolve(name));
    }
    assertEquals(List.of(dir + "/ttyUSB1", dir + "/ttyUSB2", dir + "/ttyUSB10"),
        PortList.expand(dir + "/ttyUSB*"));
  }

  @Test
  void aGlobMatchingNothingIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PortList.expand(dir + "/ttyUSB*"));
    assertEquals("'" + dir + "/ttyUSB*' matches no port (is the hub plugged in?)", e.getMessage());
  }

  @Test
  void aPortNamedTwiceIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PortList.expand("sim:F103xB*2,sim:F103xB#2"));
    assertEquals("port sim:F103xB#2 is named twice in --ports", e.getMessage());
  }
}
