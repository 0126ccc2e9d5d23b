package org.romflash.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Names the USB-UART bridges people program STM32s through, by USB vendor and product ID, so that
 * {@code romflash ports} can say which port is the adapter. IDs are the makers' published ones.
 */
final class UsbBridges {
  private UsbBridges() {}

  private static final String ST_LINK_NOTE = ": on Nucleo and Discovery boards usually wired to a"
      + " USART other than USART1; check in AN2606 that the chip's bootloader listens on it";

  /** Exact vendor:product matches. */
  private static final Map<String, String> PRODUCTS = Map.ofEntries(
      Map.entry("0403:6001", "FTDI FT232R USB-UART bridge"),
      Map.entry("0403:6010", "FTDI FT2232 dual USB-UART bridge"),
      Map.entry("0403:6011", "FTDI FT4232 quad USB-UART bridge"),
      Map.entry("0403:6014", "FTDI FT232H USB-UART bridge"),
      Map.entry("0403:6015", "FTDI FT-X series USB-UART bridge"),
      Map.entry("10c4:ea60", "Silicon Labs CP210x USB-UART bridge"),
      Map.entry("10c4:ea70", "Silicon Labs CP2105 dual USB-UART bridge"),
      Map.entry("10c4:ea71", "Silicon Labs CP2108 quad USB-UART bridge"),
      Map.entry("1a86:7523", "WCH CH340 USB-UART bridge"),
      Map.entry("1a86:5523", "WCH CH341 USB-UART bridge"),
      Map.entry("1a86:55d4", "WCH CH9102 USB-UART bridge"),
      Map.entry("067b:2303", "Prolific PL2303 USB-UART bridge"),
      Map.entry("0483:374b", "ST-LINK/V2-1 virtual COM port" + ST_LINK_NOTE),
      Map.entry("0483:3752", "ST-LINK/V2-1 virtual COM port" + ST_LINK_NOTE),
      Map.entry("0483:374e", "STLINK-V3 virtual COM port" + ST_LINK_NOTE),
      Map.entry("0483:374f", "STLINK-V3 virtual COM port" + ST_LINK_NOTE),
      Map.entry("0483:3753", "STLINK-V3 virtual COM port" + ST_LINK_NOTE),
      Map.entry("0483:5740", "STM32 USB virtual COM port of a running application, not the ROM"
          + " bootloader's USART"),
      Map.entry("0d28:0204", "DAPLink (CMSIS-DAP) virtual COM port"));

  /** Vendor-only matches, for the products the table above lacks. */
  private static final Map<Integer, String> VENDORS = Map.of(
      0x0403, "FTDI USB-UART bridge",
      0x10C4, "Silicon Labs USB-UART bridge",
      0x1A86, "WCH USB-UART bridge",
      0x067B, "Prolific USB-UART bridge",
      0x1366, "SEGGER J-Link virtual COM port");

  /** What the adapter with this USB ID is, when it is a well-known one. */
  static Optional<String> hint(int vendorId, int productId) {
    if (vendorId < 0) {
      return Optional.empty();
    }
    String product = PRODUCTS.get(String.format("%04x:%04x", vendorId, productId));
    return Optional.ofNullable(product != null ? product : VENDORS.get(vendorId));
  }
}
