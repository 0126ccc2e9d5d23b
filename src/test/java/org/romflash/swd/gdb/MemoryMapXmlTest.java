package org.romflash.swd.gdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.swd.gdb.MemoryMap.Region;
import org.romflash.swd.gdb.MemoryMap.Type;

/** The memory-map XML the server writes and the client reads. */
class MemoryMapXmlTest {
  private static final Device F407 = DeviceDatabase.bundled().byName("F407xG").orElseThrow();

  @Test
  void theF407MapHasOneFlashElementPerRunOfEqualSectors() {
    assertEquals(Goldens.text("memory-map-F407xG.xml"), MemoryMapXml.of(F407));
  }

  @Test
  void aUniformPageLayoutIsOneFlashElement() {
    Device f103 = DeviceDatabase.bundled().byName("F103xB").orElseThrow();
    MemoryMap map = MemoryMapXml.parse(MemoryMapXml.of(f103).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(new Region(Type.RAM, 0x20000000L, 0x5000, 0),
        new Region(Type.FLASH, 0x08000000L, 0x20000, 0x400)), map.regions());
  }

  @Test
  void theGoldenMapParsesBackToTheDeviceSectors() {
    MemoryMap map = MemoryMapXml.parse(Goldens.bytes("memory-map-F407xG.xml"));
    assertEquals(List.of(new Region(Type.RAM, 0x20000000L, 0x20000, 0),
        new Region(Type.FLASH, 0x08000000L, 0x10000, 0x4000),
        new Region(Type.FLASH, 0x08010000L, 0x10000, 0x10000),
        new Region(Type.FLASH, 0x08020000L, 0xE0000, 0x20000)), map.regions());
  }

  @Test
  void decimalNumbersRomRegionsAndOneLineElementsAreRead() {
    MemoryMap map = MemoryMapXml.parse(Goldens.bytes("memory-map-two-banks-decimal.xml"));
    assertEquals(List.of(new Region(Type.ROM, 0x1FFF0000L, 0x7800, 0),
        new Region(Type.FLASH, 0x08000000L, 0x80000, 0x20000),
        new Region(Type.FLASH, 0x08100000L, 0x80000, 0x20000),
        new Region(Type.RAM, 0x20000000L, 0x30000, 0)), map.regions());
  }

  @Test
  void rangesAreWidenedToWholeBlocksAcrossRegionsOfDifferentBlockSizes() {
    MemoryMap map = MemoryMapXml.parse(Goldens.bytes("memory-map-F407xG.xml"));
    assertArrayEquals(new long[] {0x08000000L, 0x08004000L},
        map.blockAligned(0x08000010L, 0x08000020L).orElseThrow());
    assertArrayEquals(new long[] {0x0800C000L, 0x08040000L},
        map.blockAligned(0x0800C100L, 0x08020001L).orElseThrow());
  }

  @Test
  void aRangeReachingPastFlashHasNoBlockAlignment() {
    MemoryMap map = MemoryMapXml.parse(Goldens.bytes("memory-map-F407xG.xml"));
    assertTrue(map.blockAligned(0x080FFF00L, 0x08100100L).isEmpty());
    assertTrue(map.blockAligned(0x20000000L, 0x20000010L).isEmpty());
  }

  @Test
  void aFlashRegionWithoutBlockSizeIsRejectedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MemoryMapXml.parse(("<memory-map><memory type=\"flash\" start=\"0x8000000\""
            + " length=\"0x1000\"/></memory-map>").getBytes(StandardCharsets.UTF_8)));
    assertEquals("flash region at 0x8000000 has no blocksize property", e.getMessage());
  }

  @Test
  void somethingElseThanAMemoryMapIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MemoryMapXml.parse("<target/>".getBytes(StandardCharsets.UTF_8)));
    assertEquals("root element is <target>, not <memory-map>", e.getMessage());
  }

  @Test
  void theTargetDescriptionIsTheMProfileGolden() {
    assertEquals(Goldens.text("target-m-profile.xml"), TargetDescription.xml());
  }
}
