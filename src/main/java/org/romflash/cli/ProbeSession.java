package org.romflash.cli;

import org.romflash.flash.ChipIdentity;
import org.romflash.flash.FlashTarget;

/** A chip reached through a debug probe, as a {@link Session} holds it. */
interface ProbeSession extends AutoCloseable {

  /** What the probe is, for messages and {@code info}. */
  String describe();

  ChipIdentity identity();

  FlashTarget flash();

  /** Resets the chip and lets it run. */
  void resetAndRun();

  /** The option bytes through the probe, where romflash can program them there. */
  default java.util.Optional<org.romflash.swd.stm32.OptionProgrammer> options() {
    return java.util.Optional.empty();
  }

  /** The chip's memory, core and flash driver, when the probe reaches them directly (SWD). */
  default org.romflash.swd.SwdTarget swd() {
    return null;
  }

  @Override
  void close();
}
