package org.romflash.swd.stm32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The busy deadline is ten times the datasheet's typical time plus 100 ms. */
class PollDeadlineTest {

  @Test
  void aTwentyTwoMillisecondMassEraseMayTakeThreeHundredAndTwentyMilliseconds() {
    AtomicLong now = new AtomicLong(5_000_000L);
    PollDeadline deadline = PollDeadline.forTypical(Duration.ofMillis(22), now::get);
    assertEquals(320, deadline.limitMillis());
    now.addAndGet(320_000_000L);
    assertFalse(deadline.passed());
    now.incrementAndGet();
    assertTrue(deadline.passed());
  }
}
