package org.romflash.swd.stm32;

/**
 * A flash-controller generation's option bytes, programmed through the debug port. Images use the
 * device entry's layout of the option area ({@code Device.optionBytes()}, the same bytes the ROM
 * bootloader path reads and writes, complements included where the layout has them), so the
 * command line's confirmation rules and field editing serve both paths.
 */
public interface OptionProgrammer {

  /** The option area as it is now, in the device entry's layout. */
  byte[] read();

  /**
   * Makes the option bytes hold {@code image} and has the chip load them (OBL_LAUNCH, or a system
   * reset where the generation has no launch bit). Lowering read protection from level 1 to 0
   * mass-erases the flash, as the chip does.
   *
   * @param permanentLockConfirmed the user gave the flag that allows read protection level 2;
   *     without it an image that sets level 2 is refused here too, whatever the caller checked
   * @throws IllegalArgumentException for an image that sets level 2 without the confirmation, or
   *     whose length is not the area's
   * @throws FlashControllerException when the controller refuses or stays busy
   */
  void program(byte[] image, boolean permanentLockConfirmed);
}
