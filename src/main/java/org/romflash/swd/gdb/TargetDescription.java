package org.romflash.swd.gdb;

import java.util.List;

/**
 * The target description {@link GdbRspServer} offers as {@code target.xml} (GDB manual, "Target
 * Descriptions", ARM Features): an ARM M-profile core with the registers the
 * {@code org.gnu.gdb.arm.m-profile} feature requires, so GDB knows the architecture without being
 * told. Registers are numbered in document order, which is the numbering of g, p and P: r0-r12 are
 * 0-12, sp 13, lr 14, pc 15, xpsr 16.
 */
final class TargetDescription {
  static final List<String> REGISTERS = List.of("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
      "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc", "xpsr");
  static final int SP = 13;
  static final int PC = 15;
  static final int XPSR = 16;

  private TargetDescription() {}

  static String xml() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
        + "<target version=\"1.0\">\n"
        + "  <architecture>arm</architecture>\n"
        + "  <feature name=\"org.gnu.gdb.arm.m-profile\">\n");
    for (String name : REGISTERS) {
      String type = name.equals("sp") ? " type=\"data_ptr\""
          : name.equals("pc") ? " type=\"code_ptr\"" : "";
      xml.append("    <reg name=\"").append(name).append("\" bitsize=\"32\"").append(type)
          .append("/>\n");
    }
    return xml.append("  </feature>\n</target>\n").toString();
  }
}
