package org.romflash.swd.usb;

/**
 * A CMSIS-DAP probe found on USB.
 *
 * @param version 2 for bulk endpoints, 1 for HID
 */
public record UsbProbe(int vendorId, int productId, String product, String serial, int version) {

  /** "CMSIS-DAP v2 0d28:0204 DAPLink CMSIS-DAP serial 0240000034..." */
  public String describe() {
    return String.format("CMSIS-DAP v%d %04x:%04x %s serial %s", version, vendorId, productId,
        product, serial.isEmpty() ? "(none)" : serial);
  }
}
