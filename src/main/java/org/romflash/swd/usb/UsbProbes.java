package org.romflash.swd.usb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.romflash.swd.dap.DapException;
import org.romflash.swd.dap.DapTransport;

/**
 * CMSIS-DAP probes on USB, v2 (bulk) before v1 (HID). When the optional USB libraries are not on
 * the class path, or their native part cannot load, that is said plainly instead of failing with
 * a linkage error: the UART path never needs them.
 */
public final class UsbProbes {
  private UsbProbes() {}

  /** The probes found; {@code problems} hears why a kind of probe could not be looked for. */
  public static List<UsbProbe> list(Consumer<String> problems) {
    List<UsbProbe> found = new ArrayList<>();
    try {
      found.addAll(BulkTransport.list());
    } catch (LinkageError | RuntimeException e) {
      problems.accept("CMSIS-DAP v2 (usb4java/libusb) unavailable: " + e);
    }
    try {
      found.addAll(HidTransport.list());
    } catch (LinkageError | RuntimeException e) {
      problems.accept("CMSIS-DAP v1 (hid4java) unavailable: " + e);
    }
    return found;
  }

  /**
   * Opens the probe with this serial, or the only one when {@code serial} is null.
   *
   * @throws DapException when none (or, without a serial, more than one) is found
   */
  public static DapTransport open(String serial) {
    List<String> problems = new ArrayList<>();
    List<UsbProbe> probes = list(problems::add);
    if (serial == null && probes.size() > 1) {
      throw new DapException(probes.size() + " CMSIS-DAP probes are connected: pick one with"
          + " --probe cmsis-dap:SERIAL (romflash ports lists them)");
    }
    UsbProbe chosen = probes.stream().filter(p -> serial == null || serial.equals(p.serial()))
        .findFirst().orElseThrow(() -> new DapException("no CMSIS-DAP probe" + (serial == null
            ? "" : " with serial " + serial) + " found on USB" + (problems.isEmpty() ? ""
            : " (" + String.join("; ", problems) + ")")));
    try {
      return chosen.version() == 2 ? BulkTransport.open(chosen.serial().isEmpty() ? null
          : chosen.serial()) : HidTransport.open(chosen.serial().isEmpty() ? null
          : chosen.serial());
    } catch (LinkageError e) {
      throw new DapException("the USB library for " + chosen.describe() + " cannot load: " + e,
          e);
    }
  }
}
