package org.romflash.swd.stm32;

import java.util.List;
import java.util.Optional;

/**
 * Where an STM32 family keeps its DBGMCU: the IDCODE register (DEV_ID in bits 11:0, the product
 * ID the bootloader's Get ID also reports), the control register's low-power debug bits (so the
 * core stays debuggable in sleep, stop and standby) and the watchdog freeze bits (so IWDG and WWDG
 * do not reset the chip while it is halted for programming). From the reference manuals' DBGMCU
 * chapters: RM0091 (F0), RM0008 (F1), RM0033/RM0090/RM0385 (F2/F4/F7), RM0316 (F3), RM0351 (L4),
 * RM0440 (G4), RM0444 (G0), RM0433 (H7), RM0434/RM0453 (WB/WL: CPU1's freeze register
 * DBGMCU_APB1FZR1 at offset 0x3C).
 *
 * @param idcode address of DBGMCU_IDCODE
 * @param control address of DBGMCU_CR
 * @param lowPowerBits DBGMCU_CR bits that keep debug alive in low-power modes
 * @param freezes registers and bits that stop the watchdogs while the core is halted
 */
public record DebugMcu(long idcode, long control, int lowPowerBits, List<Freeze> freezes) {

  /** Bits to set in a freeze register. */
  public record Freeze(long address, int bits) {}

  /** The places a debugger looks for DBGMCU_IDCODE when it does not know the chip yet. */
  public static final List<Long> IDCODE_CANDIDATES = List.of(0xE004_2000L, 0x4001_5800L,
      0x5C00_1000L);

  private static final int WWDG_IWDG_APB1 = (1 << 11) | (1 << 12);

  /** The family's DBGMCU, or empty when romflash does not know it. */
  public static Optional<DebugMcu> forFamily(String family) {
    return Optional.ofNullable(switch (family) {
      case "STM32F1" -> new DebugMcu(0xE004_2000L, 0xE004_2004L, 0x7 | (1 << 8) | (1 << 9),
          List.of());
      case "STM32F2", "STM32F3", "STM32F4", "STM32F7", "STM32L4", "STM32G4" -> new DebugMcu(
          0xE004_2000L, 0xE004_2004L, 0x7, List.of(new Freeze(0xE004_2008L, WWDG_IWDG_APB1)));
      case "STM32WB", "STM32WL" -> new DebugMcu(0xE004_2000L, 0xE004_2004L, 0x7,
          List.of(new Freeze(0xE004_203CL, WWDG_IWDG_APB1)));
      case "STM32F0", "STM32G0", "STM32C0" -> new DebugMcu(0x4001_5800L, 0x4001_5804L, 0x6,
          List.of(new Freeze(0x4001_5808L, WWDG_IWDG_APB1)));
      case "STM32H7" -> new DebugMcu(0x5C00_1000L, 0x5C00_1004L, 0x7,
          List.of(new Freeze(0x5C00_1034L, 1 << 6), new Freeze(0x5C00_1054L, 1 << 18)));
      default -> null;
    });
  }
}
