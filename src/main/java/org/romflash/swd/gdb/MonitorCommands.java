package org.romflash.swd.gdb;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The monitor commands (qRcmd) a GDB server takes for what the remote protocol itself cannot say:
 * reset. Each server names them its own way, so this is a small table; {@link #DEFAULT} is
 * OpenOCD's spelling, which pyOCD and probe-rs share for reset-and-halt.
 *
 * <table>
 * <caption>Servers and their commands</caption>
 * <tr><th>server</th><th>reset and halt</th><th>reset and run</th><th>halt</th></tr>
 * <tr><td>openocd</td><td>reset halt</td><td>reset run</td><td>halt</td></tr>
 * <tr><td>pyocd</td><td>reset halt</td><td>reset</td><td>halt</td></tr>
 * <tr><td>probe-rs</td><td>reset halt</td><td>-</td><td>-</td></tr>
 * <tr><td>qemu</td><td>system_reset</td><td>-</td><td>-</td></tr>
 * <tr><td>bmp (Black Magic Probe)</td><td>-</td><td>-</td><td>-</td></tr>
 * <tr><td>romflash ({@link GdbRspServer})</td><td>reset halt</td><td>reset run</td><td>halt</td></tr>
 * </table>
 *
 * <p>Without a reset-and-run command, reset-and-run is reset-and-halt followed by {@code c}; that
 * also keeps the server's idea of the core (running, interruptible by 0x03) right. A reset-and-run
 * command leaves the core running behind the server's back, so it is used only where a halt
 * command can stop it again. QEMU's {@code system_reset} (an HMP command the gdbstub passes on)
 * leaves a stopped machine stopped at its reset vector. The Black Magic Probe resets a target when
 * it attaches, and has no reset-and-halt command: reset there means detach and attach again.
 *
 * @param server the name {@link #forServer} knows it by
 */
public record MonitorCommands(String server, Optional<String> resetHalt,
    Optional<String> resetRun, Optional<String> halt) {

  public static final MonitorCommands OPENOCD = of("openocd", "reset halt", "reset run", "halt");
  public static final MonitorCommands PYOCD = of("pyocd", "reset halt", "reset", "halt");
  public static final MonitorCommands PROBE_RS = of("probe-rs", "reset halt", null, null);
  public static final MonitorCommands QEMU = of("qemu", "system_reset", null, null);
  public static final MonitorCommands BLACK_MAGIC = of("bmp", null, null, null);
  public static final MonitorCommands ROMFLASH = of("romflash", "reset halt", "reset run", "halt");
  /** For servers not in the table: OpenOCD's commands, the most widely copied. */
  public static final MonitorCommands DEFAULT = OPENOCD;

  private static final List<MonitorCommands> ALL =
      List.of(OPENOCD, PYOCD, PROBE_RS, QEMU, BLACK_MAGIC, ROMFLASH);

  /**
   * The commands of the server called {@code name} (case ignored).
   *
   * @throws IllegalArgumentException listing the known names when there is no such server
   */
  public static MonitorCommands forServer(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(m -> m.server().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown GDB server '" + name
            + "'; known: " + ALL.stream().map(MonitorCommands::server).toList()));
  }

  /** Whether reset-and-run may use its own command (only when a halt command can follow it). */
  boolean runsByMonitor() {
    return resetRun.isPresent() && halt.isPresent();
  }

  private static MonitorCommands of(String server, String resetHalt, String resetRun,
      String halt) {
    return new MonitorCommands(server, Optional.ofNullable(resetHalt),
        Optional.ofNullable(resetRun), Optional.ofNullable(halt));
  }
}
