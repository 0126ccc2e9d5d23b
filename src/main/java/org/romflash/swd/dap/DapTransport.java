package org.romflash.swd.dap;

/**
 * Carries CMSIS-DAP packets to a probe and back: one command packet out, its response in. USB
 * bulk endpoints (v2), HID reports (v1) and the simulated probe implement it.
 */
public interface DapTransport extends AutoCloseable {

  /** The probe's name for messages ("CMSIS-DAP v2 1366:1015 serial 000123"). */
  String name();

  /**
   * Sends one command packet. A probe takes up to its packet count of them before the first
   * response has to be read (CMSIS-DAP: DAP_Info packet count).
   *
   * @throws DapException when the probe cannot be reached
   */
  void send(byte[] command);

  /**
   * The response to the oldest packet sent and not yet answered (without HID padding).
   *
   * @throws DapException when the probe does not answer in time
   */
  byte[] receive();

  /** Sends one command packet and returns its response. */
  default byte[] exchange(byte[] command) {
    send(command);
    return receive();
  }

  @Override
  void close();
}
