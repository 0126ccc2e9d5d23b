package org.romflash.swd.usb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hid4java.HidDevice;
import org.hid4java.HidManager;
import org.hid4java.HidServices;
import org.hid4java.HidServicesSpecification;
import org.romflash.swd.dap.DapException;
import org.romflash.swd.dap.DapTransport;

/**
 * CMSIS-DAP v1: commands and responses in HID reports of the probe's report size (64 bytes on
 * full-speed probes), the product string containing "CMSIS-DAP" (CMSIS-DAP specification). Uses
 * hid4java. Responses come back padded to the report size; the padding is kept, since each
 * command's response says its own length.
 */
final class HidTransport implements DapTransport {
  private static final int REPORT = 64;
  private static final int TIMEOUT_MS = 2000;

  private final HidServices services;
  private final HidDevice device;
  private final String name;

  private HidTransport(HidServices services, HidDevice device, String name) {
    this.services = services;
    this.device = device;
    this.name = name;
  }

  private static HidServices services() {
    HidServicesSpecification spec = new HidServicesSpecification();
    spec.setAutoStart(false);
    return HidManager.getHidServices(spec);
  }

  static List<UsbProbe> list() {
    HidServices services = services();
    try {
      List<UsbProbe> found = new ArrayList<>();
      for (HidDevice d : services.getAttachedHidDevices()) {
        if (isProbe(d)) {
          found.add(probe(d));
        }
      }
      return found;
    } finally {
      services.shutdown();
    }
  }

  static HidTransport open(String serial) {
    HidServices services = services();
    for (HidDevice d : services.getAttachedHidDevices()) {
      if (isProbe(d) && (serial == null || serial.equals(d.getSerialNumber()))) {
        if (!d.open()) {
          services.shutdown();
          throw new DapException("cannot open " + probe(d).describe() + " (permissions? another"
              + " debugger using it?)");
        }
        return new HidTransport(services, d, probe(d).describe());
      }
    }
    services.shutdown();
    throw new DapException("no CMSIS-DAP v1 (HID) probe" + (serial == null ? ""
        : " with serial " + serial) + " on USB");
  }

  private static boolean isProbe(HidDevice d) {
    return d.getProduct() != null && d.getProduct().contains("CMSIS-DAP");
  }

  private static UsbProbe probe(HidDevice d) {
    return new UsbProbe(d.getVendorId() & 0xFFFF, d.getProductId() & 0xFFFF, d.getProduct(),
        d.getSerialNumber() == null ? "" : d.getSerialNumber(), 1);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(byte[] command) {
    if (command.length > REPORT) {
      throw new DapException(name + ": a " + command.length + "-byte command exceeds the HID"
          + " report size " + REPORT);
    }
    if (device.write(Arrays.copyOf(command, REPORT), REPORT, (byte) 0) < 0) {
      throw new DapException("cannot send to " + name + ": " + device.getLastErrorMessage());
    }
  }

  @Override
  public byte[] receive() {
    byte[] report = new byte[REPORT];
    int n = device.read(report, TIMEOUT_MS);
    if (n <= 0) {
      throw new DapException(name + ": no response within " + TIMEOUT_MS + " ms");
    }
    return Arrays.copyOf(report, n);
  }

  @Override
  public void close() {
    device.close();
    services.shutdown();
  }
}
