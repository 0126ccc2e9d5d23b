package org.romflash.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.romflash.link.PortInfo;

/** {@code romflash ports} output: aligned text lines or a JSON array, from a list of ports. */
final class PortListing {
  private PortListing() {}

  /** What to check when no port is found, after the "no serial ports found" line. */
  static final List<String> NONE_FOUND = List.of(
      "no serial ports found. Check:",
      "  - the adapter is plugged in, through a data cable (some USB cables only charge)",
      "  - its driver is installed (CH340, CP210x and PL2303 need one on Windows and older macOS)",
      "  - on Linux: dmesg shows whether the kernel saw it, and /dev/ttyUSB* or /dev/ttyACM* must"
          + " be readable by you: add yourself to the dialout group (uucp on Arch) and log in"
          + " again");

  /** One line per port: path, description, USB ID and what the adapter is, in aligned columns. */
  static List<String> text(List<PortInfo> ports) {
    if (ports.isEmpty()) {
      return NONE_FOUND;
    }
    int pathWidth = ports.stream().mapToInt(p -> p.systemPath().length()).max().orElse(0);
    int descriptionWidth = ports.stream().mapToInt(p -> p.description().length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (PortInfo p : ports) {
      String line = pad(p.systemPath(), pathWidth) + "  " + pad(p.description(), descriptionWidth)
          + "  " + pad(p.usbId().orElse(""), 9) + "  "
          + UsbBridges.hint(p.vendorId(), p.productId()).orElse("");
      lines.add(line.stripTrailing());
    }
    return lines;
  }

  /** A JSON array; USB IDs as four hex digits, absent values as null. */
  static String json(List<PortInfo> ports) {
    ArrayNode array = Json.array();
    for (PortInfo p : ports) {
      ObjectNode o = array.addObject();
      o.put("path", p.systemPath());
      o.put("description", p.description());
      o.put("vendor_id", p.usbId().map(id -> id.substring(0, 4)).orElse(null));
      o.put("product_id", p.usbId().map(id -> id.substring(5)).orElse(null));
      o.put("serial_number", p.serialNumber().orElse(null));
      o.put("hint", UsbBridges.hint(p.vendorId(), p.productId()).orElse(null));
    }
    return Json.write(array);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
