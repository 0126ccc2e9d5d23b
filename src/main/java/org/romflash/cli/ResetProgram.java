package org.romflash.cli;

import java.util.Optional;
import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;
import org.romflash.device.Quirk;
import org.romflash.flash.FlashTarget;

/**
 * Resets a chip that has no reset line wired, through its own bootloader: a six-word program is
 * written to free RAM and started with Go (AN3155 3.5: Go loads the stack pointer from the
 * address and jumps to the address held 4 bytes further, as for a vector table). The program asks
 * the Cortex-M core for a system reset (SYSRESETREQ in SCB_AIRCR, ARMv7-M B3.2.6); the chip then
 * starts as after power-up, in the bootloader again if BOOT0 is still high.
 *
 * <p>Chips with an empty-flash check keep running the bootloader after a system reset until their
 * option bytes are reloaded, so they get a second program: unlock the flash and the option bytes,
 * set OBL_LAUNCH (see {@link FlashRegisters}), and wait for the reset that follows.
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

  /** Room for the longer of the two programs (the option reload: 60 bytes). */
  private static final int LONGEST = 64;

  private ResetProgram() {}

  /**
   * Writes the program to RAM and starts it; returns where it was placed. Chips that check for an
   * empty flash get the option-reload program instead (see {@link FlashRegisters}).
   */
  static long run(FlashTarget target) {
    Device device = target.device();
    long at = placement(device, LONGEST);
    target.write(at, program(device, at));
    target.go(at);
    return at;
  }

  /** The system-reset program, or the option-reload program on empty-check chips. */
  static byte[] program(Device device, long at) {
    long stackTop = device.ram().end() & ~7L;
    Optional<FlashRegisters> registers = FlashRegisters.of(device.family());
    if (device.quirks().contains(Quirk.EMPTY_CHECK_BOOT) && registers.isPresent()) {
      return withVectors(at, stackTop, optionReload(registers.get()));
    }
    return image(at, stackTop);
  }

  /** Unlocks the flash and its option bytes, then sets OBL_LAUNCH: the chip reloads and resets. */
  static byte[] optionReload(FlashRegisters r) {
    return new ThumbCode()
        .loadLiteral(0, r.base())
        .loadLiteral(1, FlashRegisters.FLASH_KEYS[0]).store(1, 0, r.keyr())
        .loadLiteral(1, FlashRegisters.FLASH_KEYS[1]).store(1, 0, r.keyr())
        .loadLiteral(1, r.optionKeys()[0]).store(1, 0, r.optkeyr())
        .loadLiteral(1, r.optionKeys()[1]).store(1, 0, r.optkeyr())
        .load(1, 0, r.cr()).loadLiteral(2, 1L << r.oblLaunchBit()).or(1, 2).store(1, 0, r.cr())
        .waitHere()
        .assemble();
  }

  private static byte[] withVectors(long at, long stackTop, byte[] code) {
    byte[] program = new byte[8 + code.length];
    putWord(program, 0, stackTop);
    putWord(program, 4, (at + 8) | 1);
    System.arraycopy(code, 0, program, 8, code.length);
    return program;
  }

  /** The first word of RAM the bootloader does not reserve for itself. */
  static long placement(Device device, int length) {
    MemoryRegion ram = device.ram();
    MemoryRegion reserved = device.bootloader().reservedRam();
    long at = ram.start();
    if (reserved.overlaps(at, length)) {
      at = (reserved.end() + 3) & ~3L;
    }
    if (!ram.contains(at, length)) {
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
