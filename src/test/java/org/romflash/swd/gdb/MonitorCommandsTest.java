package org.romflash.swd.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.romflash.link.ResponderLink;
import org.romflash.swd.DebugAccessException;

/** The per-server monitor table and how GdbCore uses it. */
class MonitorCommandsTest {

  @Test
  void serversAreFoundByNameIgnoringCase() {
    assertEquals(MonitorCommands.OPENOCD, MonitorCommands.forServer("OpenOCD"));
    assertEquals(Optional.of("system_reset"), MonitorCommands.forServer(" qemu ").resetHalt());
  }

  @Test
  void anUnknownServerIsRefusedListingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MonitorCommands.forServer("jlink"));
    assertEquals("unknown GDB server 'jlink'; known: [openocd, pyocd, probe-rs, qemu, bmp,"
        + " romflash]", e.getMessage());
  }

  @Test
  void resetAndRunUsesItsOwnCommandOnlyWhereAHaltCommandCanStopTheCoreAgain() {
    assertTrue(MonitorCommands.OPENOCD.runsByMonitor());
    assertFalse(MonitorCommands.PROBE_RS.runsByMonitor());
    assertFalse(MonitorCommands.QEMU.runsByMonitor());
  }

  @Test
  void withoutAResetRunCommandResetAndRunIsResetHaltThenContinue() {
    ScriptedServer server = new ScriptedServer(p -> p.equals("?") ? "S05"
        : p.startsWith("qRcmd") ? "OK" : p.equals("c") ? null : "");
    RspClient client = RspClient.connect(new ResponderLink("s", server),
        RspTimeouts.DEFAULT);
    GdbCore core = new GdbCore(client, MonitorCommands.PROBE_RS);
    core.resetAndRun();
    assertEquals(List.of("qSupported", "?", "qRcmd," + Hex.ofText("reset halt"), "c"),
        server.packets());
    assertFalse(core.halted());
  }

  @Test
  void theBlackMagicProbeHasNoResetHaltAndTheMessageSaysWhatToDoInstead() {
    ScriptedServer server = new ScriptedServer(p -> p.equals("?") ? "T05" : "");
    RspClient client = RspClient.connect(new ResponderLink("s", server),
        RspTimeouts.DEFAULT);
    GdbCore core = new GdbCore(client, MonitorCommands.BLACK_MAGIC);
    DebugAccessException e = assertThrows(DebugAccessException.class, core::resetAndHalt);
    assertEquals("bmp has no monitor command to reset and halt the core (detach and attach"
        + " again)", e.getMessage());
  }
}
