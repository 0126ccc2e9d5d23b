package org.romflash.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ports jSerialComm enumerates on this machine, whatever they are. */
class SerialPortsTest {

  @Test
  void listingTheMachinesPortsGivesUsablePathsAndNoUnknownMarkers() {
    List<PortInfo> ports = SerialPorts.system().list();
    for (PortInfo port : ports) {
      assertFalse(port.systemPath().isBlank(), port.toString());
      assertTrue(port.serialNumber().map(s -> !s.isBlank() && !s.equals("Unknown")).orElse(true),
          port.toString());
      assertTrue(port.vendorId() >= -1 && port.productId() >= -1, port.toString());
    }
  }

  @Test
  void aUsbIdIsFourLowercaseHexDigitsEachAndAbsentWhenEitherHalfIsUnknown() {
    assertEquals(Optional.of("0403:6001"),
        new PortInfo("/dev/ttyUSB0", "FT232R", 0x0403, 0x6001, Optional.empty()).usbId());
    assertEquals(Optional.of("10c4:ea60"),
        new PortInfo("COM3", "", 0x10C4, 0xEA60, Optional.empty()).usbId());
    assertEquals(Optional.empty(), new PortInfo("/dev/ttyS0", "", -1, -1, Optional.empty())
        .usbId());
    assertEquals(Optional.empty(), new PortInfo("/dev/ttyS0", "", 0x0403, -1, Optional.empty())
        .usbId());
  }
}
