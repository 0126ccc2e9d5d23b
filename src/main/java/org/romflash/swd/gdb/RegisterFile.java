package org.romflash.swd.gdb;

import java.util.Arrays;
import org.romflash.device.Device;
import org.romflash.swd.DebugMemory;

/**
 * The core registers {@link GdbRspServer} shows GDB: kept in the server, not read from the core.
 * The served targets are simulations without a CPU, and GDB needs registers only to show a frame
 * and to set pc after {@code load}. All are zero except sp (top of the first RAM block), pc (the
 * flash base) and xpsr (Thumb bit set); {@code monitor reset halt} loads sp and pc from the vector
 * table at the flash base, as the core would. Numbering: {@link TargetDescription}.
 */
final class RegisterFile {
  private static final int THUMB = 1 << 24;

  private final int[] values = new int[TargetDescription.REGISTERS.size()];

  RegisterFile(Device device) {
    values[TargetDescription.SP] = (int) device.ram().end();
    values[TargetDescription.PC] = (int) device.flash().base();
    values[TargetDescription.XPSR] = THUMB;
  }

  /** As after a reset: sp and pc from the vector table at {@code vectorTable}. */
  void reset(DebugMemory memory, long vectorTable) {
    Arrays.fill(values, 0);
    values[TargetDescription.SP] = memory.read32(vectorTable);
    values[TargetDescription.PC] = memory.read32(vectorTable + 4) & ~1;
    values[TargetDescription.XPSR] = THUMB;
  }

  int pc() {
    return values[TargetDescription.PC];
  }

  /** The g reply: every register, 8 hex digits of its little-endian bytes. */
  String all() {
    StringBuilder hex = new StringBuilder();
    for (int value : values) {
      hex.append(Hex.littleEndian32(value));
    }
    return hex.toString();
  }

  /** G: sets every register from 8 hex digits each. */
  void setAll(String hex) {
    if (hex.length() != values.length * 8) {
      throw new IllegalArgumentException("G needs " + values.length * 8 + " hex digits, got "
          + hex.length());
    }
    for (int i = 0; i < values.length; i++) {
      values[i] = Hex.littleEndian32(hex.substring(8 * i, 8 * i + 8), "G");
    }
  }

  /** p n: one register; throws for numbers past the last. */
  String get(int number) {
    return Hex.littleEndian32(values[checked(number)]);
  }

  /** P n=value. */
  void set(int number, String hex) {
    values[checked(number)] = Hex.littleEndian32(hex, "P");
  }

  private int checked(int number) {
    if (number < 0 || number >= values.length) {
      throw new IllegalArgumentException("no register " + number);
    }
    return number;
  }
}
