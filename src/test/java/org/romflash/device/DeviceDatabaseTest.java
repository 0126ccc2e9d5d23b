package org.romflash.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The device database validates itself: one test per rule, over every entry. */
class DeviceDatabaseTest {
  private static final DeviceDatabase DATABASE = DeviceDatabase.bundled();

  static Stream<Device> devices() {
    return DATABASE.all().stream();
  }

  @Test
  void namesAreUnique() {
    List<Device> all = DATABASE.all();
    assertEquals(all.size(), all.stream().map(Device::name).distinct().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void aSharedProductIdIsToldApartByBootloaderIds(Device d) {
    List<Device> sharing = DATABASE.byPid(d.pid());
    if (sharing.size() == 1) {
      return;
    }
    for (Device other : sharing) {
      assertTrue(other.bootloader().id().isPresent(), other.name() + " shares " + d.pidText()
          + " with " + d.name() + " but names no bootloader ID");
      assertEquals(d.bootloader().idAddress(), other.bootloader().idAddress(),
          "entries sharing " + d.pidText() + " read their bootloader ID at one address");
    }
    assertEquals(sharing.size(), sharing.stream().map(x -> x.bootloader().id()).distinct().count(),
        "bootloader IDs under " + d.pidText() + " are distinct");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void optionBytesNameReadProtectionAndTheBootSelection(Device d) {
    OptionBytes options = d.options();
    assertTrue(options.field("RDP").isPresent(), "RDP is named");
    boolean bootField = options.fields().stream()
        .anyMatch(f -> f.name().toUpperCase(java.util.Locale.ROOT).matches(".*(BOOT|BFB2|SWAP).*"));
    assertTrue(bootField ^ options.bootByPinsOnly(),
        "a boot-selection field, or boot_selection: pins (not both)");
    for (OptionField f : options.fields()) {
      assertTrue(options.region().contains(f.span().start(), f.span().size()),
          f + " lies inside " + options.region());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void erasedFlashReadsAllOnesOrAllZeros(Device d) {
    assertTrue(d.erasedValue() == 0xFF || d.erasedValue() == 0x00, "erased " + d.erasedValue());
  }

  @Test
  void theIndexListsEveryYamlFileInTheFolder() throws IOException {
    Path dir = Path.of(System.getProperty("romflash.projectDir", "."), "devices");
    Set<String> onDisk;
    try (Stream<Path> files = Files.list(dir)) {
      onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .collect(Collectors.toSet());
    }
    Set<String> indexed = Files.readAllLines(dir.resolve("INDEX")).stream().map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
    assertEquals(onDisk, indexed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void eraseUnitsTileTheFlashWithoutOverlap(Device d) {
    List<EraseUnit> units = d.flash().units();
    for (int i = 1; i < units.size(); i++) {
      EraseUnit before = units.get(i - 1);
      EraseUnit unit = units.get(i);
      assertEquals(i, unit.number(), "units are numbered in order");
      assertTrue(unit.address() >= before.end(), "unit " + i + " overlaps unit " + (i - 1));
      if (unit.bank() == before.bank()) {
        assertEquals(before.end(), unit.address(), "gap inside bank " + unit.bank());
      }
    }
    assertEquals(d.flash().base(), units.get(0).address());
    assertTrue(units.stream().allMatch(u -> u.size() >= 128 && Long.bitCount(u.size()) == 1),
        "erase units are powers of two from 128 bytes (L0 pages) up");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void reservedRamLiesInsideRam(Device d) {
    MemoryRegion reserved = d.bootloader().reservedRam();
    assertTrue(d.ram().contains(reserved.start(), reserved.size()), reserved + " in " + d.ram());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void memoryRegionsDoNotOverlap(Device d) {
    List<MemoryRegion> regions = new java.util.ArrayList<>(List.of(d.flashRegion(),
        d.systemMemory(), d.optionBytes()));
    regions.addAll(d.ramRegions());
    d.eeprom().ifPresent(regions::add);
    d.otp().ifPresent(regions::add);
    for (int i = 0; i < regions.size(); i++) {
      for (int j = i + 1; j < regions.size(); j++) {
        MemoryRegion a = regions.get(i);
        MemoryRegion b = regions.get(j);
        assertFalse(a.overlaps(b.start(), b.size()), a + " overlaps " + b);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void programWordIsAPowerOfTwoFromTwoToThirtyTwo(Device d) {
    assertTrue(Set.of(2, 4, 8, 16, 32).contains(d.programWord()), "program word " + d.programWord());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void commandListFollowsAn3155(Device d) {
    List<Integer> commands = d.bootloader().commands();
    assertEquals(List.of(0x00, 0x01, 0x02), commands.subList(0, 3));
    boolean erase = commands.contains(0x43);
    boolean extended = commands.contains(0x44);
    assertTrue(erase ^ extended, "exactly one of Erase and Extended Erase");
    assertEquals(d.bootloader().version() >= 0x30, extended, "0x44 from protocol v3.0 on");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void everyEntryCitesAn2606AndASecondSource(Device d) {
    assertTrue(d.source().contains("AN2606"), d.source());
    assertTrue(d.source().matches("(?s).*(RM\\d{4}|stm32flash|CMSIS|DS\\d{4,5}).*"), d.source());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void flashSizeRegisterAndUidAreOutsideFlashAndRam(Device d) {
    assertFalse(d.flashRegion().contains(d.flashSizeRegister()));
    assertTrue(d.ramRegions().stream().noneMatch(r -> r.contains(d.uidAddress())));
  }

  @Test
  void theFiveIssueDevicesHaveTheirRealProductIds() {
    assertEquals(0x410, DATABASE.byName("F103xB").orElseThrow().pid());
    assertEquals(0x413, DATABASE.byName("STM32F407xG").orElseThrow().pid());
    assertEquals(0x460, DATABASE.byName("g071xb").orElseThrow().pid());
    assertEquals(0x435, DATABASE.byName("L431xC").orElseThrow().pid());
    assertEquals(0x450, DATABASE.byName("H743xI").orElseThrow().pid());
    assertEquals(2 * 1024 * 1024, DATABASE.byName("H743xI").orElseThrow().flash().size());
    assertEquals(2, DATABASE.byName("H743xI").orElseThrow().flash().bankCount());
  }

  @Test
  void aUserFileOverridesABundledEntryByName(@TempDir Path dir) throws IOException {
    String bundled = new String(DeviceDatabase.class.getClassLoader()
        .getResourceAsStream("devices/stm32f1.yaml").readAllBytes(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("mine.yaml"), bundled.replace("128 x 1K", "64 x 1K"));
    DeviceDatabase mine = DeviceDatabase.withUserDirectories(List.of(dir));
    assertEquals(64 * 1024, mine.byName("F103xB").orElseThrow().flash().size());
    assertEquals(DATABASE.all().size(), mine.all().size());
  }

  @Test
  void aMalformedEntryNamesTheFileTheEntryAndTheField() throws IOException {
    String bundled = new String(DeviceDatabase.class.getClassLoader()
        .getResourceAsStream("devices/stm32f1.yaml").readAllBytes(), StandardCharsets.UTF_8);
    String yaml = bundled.replace("pid: 0x410", "pid: 0x4zz");
    DeviceFileException e = assertThrows(DeviceFileException.class, () -> DeviceFileReader.read(
        "bad.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    assertEquals("bad.yaml, entry 0 (F103xB): field 'pid' '0x4zz' is not a number (decimal, 0x"
        + " hex, or with K/M)", e.getMessage());
  }

  @Test
  void anUnknownQuirkIsRefused() throws IOException {
    String bundled = new String(DeviceDatabase.class.getClassLoader()
        .getResourceAsStream("devices/stm32f1.yaml").readAllBytes(), StandardCharsets.UTF_8);
    String yaml = bundled.replace("quirks: []", "quirks: [makes-coffee]");
    DeviceFileException e = assertThrows(DeviceFileException.class, () -> DeviceFileReader.read(
        "q.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    assertEquals("q.yaml, entry 0 (F103xB): field 'quirks' 'makes-coffee' is not a known quirk",
        e.getMessage());
  }
}
