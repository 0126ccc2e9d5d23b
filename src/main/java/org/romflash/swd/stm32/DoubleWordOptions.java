package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;
import org.romflash.swd.stm32.DoubleWordOptionWords.Word;

/**
 * Programs the option bytes of the L4, G0, G4, WB and WL through the debug port, in the order of
 * RM0351 3.4.2 "Option bytes programming" (RM0440, RM0444 3.4.2 and RM0453 4.4.2 agree): open
 * FLASH_CR's LOCK and then OPTLOCK ({@link EccOptionLock}); wait for BSY and clear old flags;
 * write each option register from the value word the image holds for it ({@link
 * DoubleWordOptionWords}; the complement words are the controller's to compute and are ignored);
 * set OPTSTRT (CR bit 17) and wait for BSY; check the error flags; set OBL_LAUNCH (CR bit 27),
 * which loads the option bytes under a system reset that relocks FLASH_CR and OPTLOCK and leaves
 * the debug connection up. Then the option area is read until it shows the programmed values,
 * OPTVERR (SR bit 15, "option validity error") is checked and the locks are checked set.
 *
 * <p>Taking read protection from level 1 to 0 mass-erases the flash during OPTSTRT (RM0351
 * 3.5.1), so BSY is then given the device's mass-erase time ({@link
 * EccOptionRequest#changeTime}). Level 2 disables debug access once
 * loaded: the wait ends at the first refused access and nothing more is checked.
 *
 * <p>WB and WL share the flash and its option bytes with CPU2, which runs only once CPU1's
 * firmware has started it (PWR_CR4.C2BOOT). The debug port acts as CPU1 and does not take the
 * hardware semaphores the two cores' firmware agree on; instead a FLASH_SR.PESD found set (CPU2
 * suspended flash operations, RM0453 4.4.2 step 4) stops the change before anything is written
 * (checked once: CPU2 could still suspend them later, which the RM accepts as a risk).
 * SFR and SRRVR (secure flash and SRAM start, CPU2's boot vector) are left to CPU2's firmware
 * upgrade service: an image that changes them is refused.
 */
final class DoubleWordOptions implements OptionProgrammer {
  private static final int OPTSTRT = 1 << 17;
  private static final int OBL_LAUNCH = 1 << 27;
  private static final int OPTLOCK = 1 << 30;
  private static final int LOCK = 1 << 31;
  private static final int EOP = 1;
  private static final int ERRORS = 0xC3FA;
  private static final int OPTVERR = 1 << 15;
  private static final int PESD = 1 << 19;
  /** Loading is a reset and a read of the option page: microseconds; 10 ms gives 200 ms. */
  private static final Duration LOAD = Duration.ofMillis(10);
  private static final StatusFlags NAMES = DoubleWordDriver.ERROR_NAMES.bit(19, "PESD");

  private final DebugMemory memory;
  private final Device device;
  private final DoubleWordRegisters registers;
  private final DoubleWordOptionWords layout;

  DoubleWordOptions(DebugMemory memory, Device device, DoubleWordRegisters registers) {
    this.memory = memory;
    this.device = device;
    this.registers = registers;
    this.layout = DoubleWordOptionWords.forFamily(device.family());
  }

  @Override
  public byte[] read() {
    return EccOptionArea.read(memory, device.optionBytes());
  }

  @Override
  public void program(byte[] image, boolean permanentLockConfirmed) {
    EccOptionRequest request = EccOptionRequest.check(device, image, permanentLockConfirmed);
    List<Word> words = layout.words().stream().filter(w -> request.hasWord(w.viewOffset()))
        .filter(w -> w.bank() <= device.flash().bankCount()).toList();
    refuseSecondCoreChanges(request, words);
    refuseWhileSuspended();
    Duration changeTime = request.changeTime(read());
    EccOptionLock locks = EccOptionLock.behindLock(memory, registers.controlRegister(),
        registers.statusRegister(), registers.keyRegister(), LOCK,
        registers.base() + 0x0C, OPTLOCK);
    boolean launched = false;
    RuntimeException failure = null;
    try {
      locks.unlock();
      programAndStart(request, words, changeTime);
      launch();
      launched = true;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      if (!launched) {
        locks.lock(failure);
      }
    }
    if (awaitLoaded(request, words)) {
      if (!locks.locked()) {
        locks.lock(null);
      }
      int status = memory.read32(registers.statusRegister());
      if ((status & OPTVERR) != 0) {
        throw failed("load option bytes", status, "the chip found the option bytes invalid when"
            + " loading them (OPTVERR) and runs with other values until they are programmed again");
      }
    }
  }

  private void refuseSecondCoreChanges(EccOptionRequest request, List<Word> words) {
    for (Word word : words) {
      long at = request.area().start() + word.viewOffset();
      if (!word.writable() && memory.read32(at) != request.word(word.viewOffset())) {
        throw new IllegalArgumentException(String.format("the option image changes %s at 0x%08X,"
            + " which CPU2's firmware upgrade service sets; it is not written through the debug"
            + " port", word.name(), at));
      }
    }
  }

  private void refuseWhileSuspended() {
    int status = memory.read32(registers.statusRegister());
    if (layout.secondCore() && (status & PESD) != 0) {
      throw failed("program option bytes", status, "CPU2 has suspended flash operations (PESD);"
          + " stop its wireless stack (or reset the chip) first");
    }
  }

  private void programAndStart(EccOptionRequest request, List<Word> words,
      Duration changeTime) {
    waitWhileBusy(device.timing().massErase());
    memory.write32(registers.statusRegister(), ERRORS | EOP);
    for (Word word : words) {
      if (word.writable()) {
        memory.write32(registers.base() + word.register(), request.word(word.viewOffset()));
      }
    }
    memory.write32(registers.controlRegister(), OPTSTRT);
    int status = waitWhileBusy(changeTime);
    if ((status & ERRORS) != 0) {
      throw failed("program option bytes", status, "the controller refused the option bytes");
    }
  }

  /** OBL_LAUNCH resets the chip: a write whose answer the reset cuts off still launched it. */
  private void launch() {
    try {
      memory.write32(registers.controlRegister(), OBL_LAUNCH);
    } catch (DebugAccessException e) {
      // the load and its reset are checked by reading the option area back
    }
  }

  /** @return false when level 2 took debug access away, so nothing can be checked */
  private boolean awaitLoaded(EccOptionRequest request, List<Word> words) {
    PollDeadline deadline = PollDeadline.forTypical(LOAD);
    String difference;
    do {
      try {
        difference = difference(request, words);
        if (difference == null) {
          return true;
        }
      } catch (DebugAccessException e) {
        if (request.permanent()) {
          return false;
        }
        difference = "reading it failed (" + e.getMessage() + ")";
      }
      Thread.onSpinWait();
    } while (!deadline.passed());
    throw new FlashControllerException("load option bytes", request.area().start(),
        Integer.toUnsignedLong(memory.read32(registers.statusRegister())), List.of(),
        "after OBL_LAUNCH and " + deadline.limitMillis() + " ms the option area " + difference);
  }

  private String difference(EccOptionRequest request, List<Word> words) {
    for (Word word : words) {
      String difference = word.writable() ? EccOptionArea.difference(memory,
          request.area().start() + word.viewOffset(), request.word(word.viewOffset()), -1) : null;
      if (difference != null) {
        return difference;
      }
    }
    return null;
  }

  private int waitWhileBusy(Duration typical) {
    PollDeadline deadline = PollDeadline.forTypical(typical);
    int status;
    while (((status = memory.read32(registers.statusRegister())) & registers.busyMask()) != 0) {
      if (deadline.passed()) {
        throw new FlashControllerException("program option bytes", device.optionBytes().start(),
            Integer.toUnsignedLong(status),
            registers.busyNames().names(status & registers.busyMask()), "the controller was still busy after " + deadline.limitMillis() + " ms");
      }
      Thread.onSpinWait();
    }
    return status;
  }

  private FlashControllerException failed(String operation, int status, String detail) {
    return new FlashControllerException(operation, device.optionBytes().start(),
        Integer.toUnsignedLong(status), NAMES.names(status & (ERRORS | PESD)), detail);
  }
}
