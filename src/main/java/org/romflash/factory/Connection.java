package org.romflash.factory;

import org.romflash.device.Device;
import org.romflash.flash.BootloaderTarget;

/** A board in its bootloader, synchronised and identified: what a {@link UnitJob} programs. */
public interface Connection extends AutoCloseable {

  /**
   * The identified device, with the flash its flash-size register reports.
   *
   * @throws RuntimeException (the caller's own kind) when the product ID is not in the database
   */
  Device device();

  /** The product ID from Get ID. */
  int pid();

  /** The bootloader's protocol version, as "3.1". */
  String bootloaderVersion();

  /** The flash path to the chip. */
  BootloaderTarget target();

  /** What the session warned about so far (a fallback taken, a register unreadable). */
  default java.util.List<String> warnings() {
    return java.util.List.of();
  }

  /** After a verified write: start the program or reset the chip, as configured, then exit lines. */
  void finish();

  /** Releases the board; the port itself belongs to the {@link Fixture}. */
  @Override
  void close();
}
