package org.romflash.cli;

import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;
import org.romflash.flash.FlashTarget;

/**
 * Resets a chip that has no reset line wired, through its own bootloader: a six-word program is
 * written to free RAM and started with Go (AN3155 3.5: Go loads the stack pointer from the
 * address and jumps to the address held 4 bytes further, as for a vector table). The program asks
 * the Cortex-M core for a system reset (SYSRESETREQ in SCB_AIRCR, ARMv7-M B3.2.6); the chip then
 * starts as after power-up, in the bootloader again if BOOT0 is still high.
 *
 * <pre>
 *   +0   initial stack pointer (top of RAM)
 *   +4   entry: +8 with the Thumb bit
 *   +8   4801  ldr r0, [pc, #4]   ; r0 = SCB_AIRCR
 *   +10  4902  ldr r1, [pc, #8]   ; r1 = VECTKEY | SYSRESETREQ
 *   +12  6001  str r1, [r0]
 *   +14  e7fe  b .                ; wait for the reset
 *   +16  E000ED0C
 *   +20  05FA0004
 * </pre>
 */
final class ResetProgram {
  private static final long AIRCR = 0xE000ED0CL;
  private static final long SYSRESETREQ = 0x05FA0004L;

  private ResetProgram() {}

  /** Writes the program to RAM and starts it; returns where it was placed. */
  static long run(FlashTarget target) {
    Device device = target.device();
    long at = placement(device);
    target.write(at, image(at, device.ram().end() & ~7L));
    target.go(at);
    return at;
  }

  /** The first word of RAM the bootloader does not reserve for itself. */
  static long placement(Device device) {
    MemoryRegion ram = device.ram();
    MemoryRegion reserved = device.bootloader().reservedRam();
    long at = ram.start();
    if (reserved.overlaps(at, 24)) {
      at = (reserved.end() + 3) & ~3L;
    }
    if (!ram.contains(at, 24)) {
      throw new IllegalStateException("no free RAM for the reset program on " + device.name());
    }
    return at;
  }

  static byte[] image(long at, long stackTop) {
    byte[] code = new byte[24];
    putWord(code, 0, stackTop);
    putWord(code, 4, (at + 8) | 1);
    putWord(code, 8, 0x4902_4801L);
    putWord(code, 12, 0xE7FE_6001L);
    putWord(code, 16, AIRCR);
    putWord(code, 20, SYSRESETREQ);
    return code;
  }

  private static void putWord(byte[] into, int offset, long value) {
    for (int i = 0; i < 4; i++) {
      into[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}
