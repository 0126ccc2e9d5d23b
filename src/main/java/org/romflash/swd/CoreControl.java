package org.romflash.swd;

/** The target's processor as a debugger controls it (Cortex-M DHCSR/DEMCR/AIRCR, or a GDB stub). */
public interface CoreControl {

  /** Stops the core; returns once it is halted. */
  void halt();

  /** Resets the chip and stops the core at its first instruction (the reset vector catch). */
  void resetAndHalt();

  /** Lets the halted core run on. */
  void resume();

  /** Resets the chip and lets it run (the application starts). */
  void resetAndRun();

  boolean halted();
}
