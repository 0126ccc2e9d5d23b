package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Status bits are named as each family's reference manual names them. */
class SectorFlashErrorNamesTest {
  private static final int ALL_ERRORS = 0x1F2;

  @Test
  void theF4CallsBitSevenPgserr() {
    assertEquals(List.of("OPERR", "WRPERR", "PGAERR", "PGPERR", "PGSERR", "RDERR"),
        SectorRegisters.errorFlags("STM32F4").names(ALL_ERRORS));
  }

  @Test
  void theF7CallsBitSevenErserr() {
    assertEquals(List.of("OPERR", "WRPERR", "PGAERR", "PGPERR", "ERSERR", "RDERR"),
        SectorRegisters.errorFlags("STM32F7").names(ALL_ERRORS));
  }

  @Test
  void endOfOperationAndBusyAreNotErrors() {
    assertEquals(List.of(), SectorRegisters.errorFlags("STM32F2").names(0x1_0001));
  }
}
