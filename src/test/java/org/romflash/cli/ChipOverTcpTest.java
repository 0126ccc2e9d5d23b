package org.romflash.cli;

import org.junit.jupiter.api.AfterEach;
import org.romflash.emulator.Chip;

/**
 * Base of CLI tests that run a command against an emulated chip on TCP and then look at the chip:
 * {@link #serve(String)} starts it, the chip is closed after each test.
 */
abstract class ChipOverTcpTest {
  ServedChip served;
  Chip chip;

  String serve(String device) throws Exception {
    return serve(ServedChip.of(device));
  }

  String serve(ServedChip chipOnTcp) {
    if (served != null) {
      served.close();
    }
    served = chipOnTcp;
    chip = served.chip();
    return served.port();
  }

  @AfterEach
  void stopTheChip() {
    if (served != null) {
      served.close();
    }
  }
}
