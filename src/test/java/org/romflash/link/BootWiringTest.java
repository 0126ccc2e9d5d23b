package org.romflash.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.romflash.link.LineSequence.Line;

/**
 * The presets: BOOT0 high and NRST pulsed low to enter, BOOT0 low and NRST pulsed to leave. An
 * adapter pin is low while its line is asserted, unless the board inverts it.
 */
class BootWiringTest {

  @Test
  void directlyWiredLinesAreAssertedToPullAPinLow() {
    EntryExit sequences = new BootWiring(Line.DTR, false, Line.RTS, false).sequences();
    assertEquals("-rts&dtr,-dtr,:rts&dtr,-dtr", sequences.toString());
  }

  @Test
  void invertedLinesAreAssertedToDriveAPinHigh() {
    EntryExit sequences = new BootWiring(Line.RTS, true, Line.DTR, true).sequences();
    assertEquals("dtr&-rts,rts,:-dtr&-rts,rts", sequences.toString());
  }

  @Test
  void eachLineIsInvertedOnItsOwn() {
    assertEquals("rts&dtr,-dtr,:-rts&dtr,-dtr",
        new BootWiring(Line.DTR, false, Line.RTS, true).sequences().toString());
    assertEquals("-rts&-dtr,dtr,:rts&-dtr,dtr",
        new BootWiring(Line.DTR, true, Line.RTS, false).sequences().toString());
  }

  @Test
  void withoutABoot0LineOnlyNrstIsPulsed() {
    assertEquals("dtr,-dtr,:dtr,-dtr", new BootWiring(Line.DTR, false, null, false).sequences()
        .toString());
  }

  @Test
  void oneLineCannotDriveBothPins() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BootWiring(Line.RTS, false, Line.RTS, false));
    assertEquals("NRST and BOOT0 cannot both be on rts", e.getMessage());
  }
}
