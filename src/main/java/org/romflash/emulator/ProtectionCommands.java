package org.romflash.emulator;

import org.romflash.emulator.TargetPort.StoppedException;

/**
 * Write Protect, Write Unprotect, Readout Protect, Readout Unprotect (AN3155 3.9 to 3.12), each of
 * which ends in a system reset, and the frames of Special and Extended Special (3.14, 3.15).
 */
final class ProtectionCommands {
  private final Bootloader bootloader;
  private final Chip chip;
  private final TargetPort port;
  private final Frame frame;

  ProtectionCommands(Bootloader bootloader) {
    this.bootloader = bootloader;
    this.chip = bootloader.chip();
    this.port = bootloader.port();
    this.frame = bootloader.frame();
  }

  void writeProtect() throws StoppedException {
    int n = port.next();
    byte[] sectors = port.next(n + 1);
    int checksum = port.next();
    if (((Frame.xor(sectors, 0, sectors.length) ^ n) & 0xFF) != checksum) {
      port.nack();
      return;
    }
    if (!port.ack()) {
      return;
    }
    // A new Write Protect replaces the previous protection (AN3155 3.9).
    chip.device().flash().units().forEach(u -> chip.setWriteProtected(u.number(), false));
    for (byte sector : sectors) {
      chip.setWriteProtected(sector & 0xFF, true);
    }
    bootloader.reset();
  }

  void writeUnprotect() {
    chip.device().flash().units().forEach(u -> chip.setWriteProtected(u.number(), false));
    finish();
  }

  void readoutProtect() {
    chip.setReadProtectionLevel(1);
    finish();
  }

  void readoutUnprotect() {
    chip.regressReadProtection();
    if (bootloader.timing().flashTimes()) {
      port.busy(chip.device().timing().massErase());
    }
    finish();
  }

  /**
   * Special (0x50) and Extended Special (0x51): the sub-opcodes are product specific and none is
   * modelled, so a well-formed opcode frame is answered NACK, as a chip does for one it lacks.
   */
  void special() throws StoppedException {
    frame.shortValue();
    port.next();
    port.nack();
  }

  private void finish() {
    if (port.ack()) {
      bootloader.reset();
    }
  }
}
