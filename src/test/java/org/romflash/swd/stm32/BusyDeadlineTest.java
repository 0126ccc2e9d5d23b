package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one deadline policy: ten times the datasheet's typical time, plus 100 ms. */
class BusyDeadlineTest {

  @Test
  void anOperationMayTakeTenTimesItsTypicalTimePlusAHundredMilliseconds() {
    assertEquals(List.of(Duration.ofNanos(100_525_000), Duration.ofMillis(8_100)),
        List.of(BusyDeadline.allowance(Duration.ofNanos(52_500)),
            BusyDeadline.allowance(Duration.ofMillis(800))));
  }

  @Test
  void durationsAreWrittenInMillisecondsWithoutTrailingZeros() {
    assertEquals(List.of("100.525 ms", "300 ms", "0.016 ms"), List.of(
        BusyDeadline.millis(Duration.ofNanos(100_525_000)),
        BusyDeadline.millis(Duration.ofMillis(300)),
        BusyDeadline.millis(Duration.ofNanos(16_000))));
  }
}
