package org.romflash.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceQueryTest {
  private static final List<Device> ALL = DeviceDatabase.bundled().all();

  private static List<String> names(String query) {
    return DeviceQuery.find(ALL, query).stream().map(Device::name).toList();
  }

  @Test
  void anEntryNameProductIdFamilyOrPartFindsTheEntry() {
    assertEquals(List.of("F103xB"), names("stm32f103xb"));
    assertEquals(List.of("F103xB"), names("0x410"));
    assertEquals(List.of("F407xG"), names("0X413"));
    assertTrue(names("STM32F1").contains("F103xB"));
    assertTrue(names("f4").contains("F407xG"));
    assertEquals(List.of("F103xB"), names("STM32F103C8T6"));
    assertEquals(List.of("F103xB"), names("F103RB"));
  }

  @Test
  void aPartPatternsXStandsForOneCharacterOnly() {
    assertTrue(DeviceQuery.partMatches("STM32F103x8", "STM32F103C8T6"));
    assertTrue(DeviceQuery.partMatches("STM32F103x8", "F103R8"));
    assertFalse(DeviceQuery.partMatches("STM32F103x8", "STM32F103CB"));
    assertFalse(DeviceQuery.partMatches("STM32F103x8", "STM32F103"));
  }

  @Test
  void nothingIsFoundForTextNoEntryContains() {
    assertEquals(List.of(), names("Z80"));
  }
}
