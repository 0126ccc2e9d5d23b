package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.romflash.link.PortInfo;

/** {@code romflash ports} formatting, from made-up port lists. */
class PortListingTest {
  private static PortInfo usb(String path, String description, int vid, int pid, String serial) {
    return new PortInfo(path, description, vid, pid, Optional.ofNullable(serial));
  }

  private static final List<PortInfo> DESK = List.of(
      usb("/dev/ttyUSB0", "FT232R USB UART", 0x0403, 0x6001, "A50285BI"),
      usb("/dev/ttyUSB1", "CP2102 USB to UART Bridge Controller", 0x10C4, 0xEA60, "0001"),
      usb("/dev/ttyUSB2", "USB Serial", 0x1A86, 0x7523, null),
      usb("/dev/ttyUSB3", "USB-Serial Controller", 0x067B, 0x2303, null),
      usb("/dev/ttyACM0", "STM32 STLink", 0x0483, 0x374B, "066DFF"),
      usb("/dev/ttyUSB4", "Quad RS232-HS", 0x0403, 0x6099, null),
      usb("/dev/ttyACM1", "Some Modem", 0x1234, 0x5678, null),
      new PortInfo("/dev/ttyS0", "Physical Port S0", -1, -1, Optional.empty()));

  @Test
  void eachPortIsOneAlignedLineWithItsUsbIdAndWhatTheAdapterIs() {
    assertEquals(List.of(
        "/dev/ttyUSB0  FT232R USB UART                       0403:6001  FTDI FT232R USB-UART"
            + " bridge",
        "/dev/ttyUSB1  CP2102 USB to UART Bridge Controller  10c4:ea60  Silicon Labs CP210x"
            + " USB-UART bridge",
        "/dev/ttyUSB2  USB Serial                            1a86:7523  WCH CH340 USB-UART bridge",
        "/dev/ttyUSB3  USB-Serial Controller                 067b:2303  Prolific PL2303 USB-UART"
            + " bridge",
        "/dev/ttyACM0  STM32 STLink                          0483:374b  ST-LINK/V2-1 virtual COM"
            + " port: on Nucleo and Discovery boards usually wired to a USART other than USART1;"
            + " check in AN2606 that the chip's bootloader listens on it",
        "/dev/ttyUSB4  Quad RS232-HS                         0403:6099  FTDI USB-UART bridge",
        "/dev/ttyACM1  Some Modem                            1234:5678",
        "/dev/ttyS0    Physical Port S0"), PortListing.text(DESK));
  }

  @Test
  void noPortsIsSaidWithWhatToCheck() {
    assertEquals(List.of(
        "no serial ports found. Check:",
        "  - the adapter is plugged in, through a data cable (some USB cables only charge)",
        "  - its driver is installed (CH340, CP210x and PL2303 need one on Windows and older"
            + " macOS)",
        "  - on Linux: dmesg shows whether the kernel saw it, and /dev/ttyUSB* or /dev/ttyACM* must"
            + " be readable by you: add yourself to the dialout group (uucp on Arch) and log in"
            + " again"), PortListing.text(List.of()));
  }

  @Test
  void jsonHasOneObjectPerPortWithHexIdsAndNullsForWhatIsUnknown() throws Exception {
    String json = PortListing.json(List.of(DESK.get(1), DESK.get(7)));
    assertEquals("[ {\n"
        + "  \"path\" : \"/dev/ttyUSB1\",\n"
        + "  \"description\" : \"CP2102 USB to UART Bridge Controller\",\n"
        + "  \"vendor_id\" : \"10c4\",\n"
        + "  \"product_id\" : \"ea60\",\n"
        + "  \"serial_number\" : \"0001\",\n"
        + "  \"hint\" : \"Silicon Labs CP210x USB-UART bridge\"\n"
        + "}, {\n"
        + "  \"path\" : \"/dev/ttyS0\",\n"
        + "  \"description\" : \"Physical Port S0\",\n"
        + "  \"vendor_id\" : null,\n"
        + "  \"product_id\" : null,\n"
        + "  \"serial_number\" : null,\n"
        + "  \"hint\" : null\n"
        + "} ]", json.replace(System.lineSeparator(), "\n"));
  }

  @Test
  void noPortsInJsonIsAnEmptyArray() throws Exception {
    assertEquals(0, new ObjectMapper().readTree(PortListing.json(List.of())).size());
  }

  @Test
  void theStLinkV3AndTheVendorOnlyMatchesAreNamed() {
    assertEquals(Optional.of("STLINK-V3 virtual COM port: on Nucleo and Discovery boards usually"
        + " wired to a USART other than USART1; check in AN2606 that the chip's bootloader listens"
        + " on it"), UsbBridges.hint(0x0483, 0x374E));
    assertEquals(Optional.of("SEGGER J-Link virtual COM port"), UsbBridges.hint(0x1366, 0x0105));
    assertEquals(Optional.empty(), UsbBridges.hint(0x0483, 0xDF11));
    assertEquals(Optional.empty(), UsbBridges.hint(-1, -1));
  }

  @Test
  void theCommandListsThisMachinesPortsAndExitsZeroEvenWithNone() throws Exception {
    Cli text = Cli.run("ports");
    assertEquals(0, text.exitCode(), text.toString());
    Cli json = Cli.run("ports", "--json");
    assertEquals(0, json.exitCode(), json.toString());
    JsonNode array = new ObjectMapper().readTree(json.out());
    assertTrue(array.isArray(), json.out());
    if (array.isEmpty()) {
      assertTrue(text.out().startsWith("no serial ports found. Check:\n"), text.out());
    } else {
      assertTrue(text.out().startsWith(array.get(0).get("path").asText() + " "), text.out());
    }
  }
}
