package org.romflash.link;

import java.util.Optional;

/**
 * One serial port the operating system offers, as {@code romflash ports} lists it. Exists so the
 * listing can be formatted and tested without jSerialComm or hardware.
 *
 * @param systemPath what to pass to {@code --port}: {@code /dev/ttyUSB0}, {@code COM3}
 * @param description what the driver or the USB descriptor calls it ("" when nothing)
 * @param vendorId the USB vendor ID, or -1 when the port is not a USB device or it is unknown
 * @param productId the USB product ID, or -1 when unknown
 * @param serialNumber the USB serial number, or empty when the device has none
 */
public record PortInfo(String systemPath, String description, int vendorId, int productId,
    Optional<String> serialNumber) {

  /** The USB ID as {@code lsusb} prints it, {@code 0403:6001}, when both halves are known. */
  public Optional<String> usbId() {
    if (vendorId < 0 || productId < 0) {
      return Optional.empty();
    }
    return Optional.of(String.format("%04x:%04x", vendorId, productId));
  }
}
