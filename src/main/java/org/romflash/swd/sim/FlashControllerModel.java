package org.romflash.swd.sim;

/**
 * One STM32 flash-controller generation, simulated register by register: its register block and
 * the flash memory as the bus sees it (reads from the cells; writes program them only when the
 * controller allows, with the access sizes and error flags of the reference manual).
 */
public interface FlashControllerModel {

  /** The flash memory region on the bus. */
  BusRegion flash();

  /** The controller's register block on the bus. */
  BusRegion registers();

  /** The cells, for tests to look at and set up. */
  FlashArray array();

  /**
   * The option bytes as they read in memory, where that lies outside the register block (F0-F7,
   * L4 family); null where the registers are all there is (H7).
   */
  default BusRegion optionArea() {
    return null;
  }

  /** A system reset: the controller locks again and its status clears; the cells stay. */
  void reset();
}
