package org.romflash.cli;

import java.util.List;
import org.romflash.swd.usb.UsbProbe;
import org.romflash.swd.usb.UsbProbes;

/**
 * {@code --via auto} when the bootloader is silent: the probe named by {@code --probe}, or else
 * the one CMSIS-DAP probe on USB, if exactly one is there (with several, the user must pick).
 */
final class ProbeFallback {
  private ProbeFallback() {}

  /** Whether a probe can take over; fills in {@code --probe} when one was found on USB. */
  static boolean available(ProbeOptions via) {
    if (via.probe != null) {
      return true;
    }
    List<UsbProbe> found = UsbProbes.list(problem -> { });
    if (found.size() != 1) {
      return false;
    }
    String serial = found.get(0).serial();
    via.probe = serial.isEmpty() ? "cmsis-dap" : "cmsis-dap:" + serial;
    return true;
  }
}
