package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.romflash.factory.BoardStatus;
import org.romflash.factory.BoardStatus.State;

class StationViewTest {

  @Test
  void withoutATerminalEachChangeOfStateIsOnePlainLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (StationView view = new StationView(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        false, List.of("A", "B"))) {
      view.update(new BoardStatus("A", State.CONNECTING, 0, 0, 0, null));
      view.update(new BoardStatus("A", State.WRITING, 0, 4096, 0, null));
      view.update(new BoardStatus("A", State.WRITING, 2048, 4096, 10240, null));
      view.update(new BoardStatus("B", State.WAITING_FOR_BOARD, 0, 0, 0, null));
      view.update(new BoardStatus("A", State.STOPPED, 0, 0, 0, null));
    }
    assertEquals("A: connecting\nA: writing\nB: waiting for board\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onATerminalTheLinesAreRedrawnInPlaceWithPercentAndRate() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StationView view = new StationView(new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
        List.of("/dev/ttyUSB0", "B"));
    view.update(new BoardStatus("/dev/ttyUSB0", State.WRITING, 2048, 4096, 10240, null));
    Thread.sleep(600);
    view.close();
    String drawn = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(drawn.contains("\r\033[K/dev/ttyUSB0  writing  50% 10.0 KiB/s\n"), drawn);
    assertTrue(drawn.contains("\r\033[KB             starting\n"), drawn);
    assertTrue(drawn.contains("\033[2A"), "later frames move up over the earlier one: " + drawn);
  }
}
