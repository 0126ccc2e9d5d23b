package org.romflash.swd.stm32;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;

/**
 * Programs the H7's option bytes through the debug port, as RM0433 4.4 describes the option byte
 * change (RM0468 and RM0455 keep the registers): clear OPTLOCK with the option keys ({@link
 * EccOptionLock}), wait for OPT_BUSY, clear OPTCHANGEERR through FLASH_OPTCCR, write each _PRG
 * register from the value the image holds for its _CUR register, set OPTSTART, wait for OPT_BUSY to
 * clear, check OPTCHANGEERR and that the _CUR registers now hold the values, set OPTLOCK.
 *
 * <p>The device entries' option area is the register block from FLASH_OPTSR_CUR (0x5200201C) to
 * FLASH_BOOT_PRG (0x52002047), so an image holds _CUR and _PRG words side by side: the _CUR words
 * (OPTSR 0x1C, PRAR1 0x28, SCAR1 0x30, WPSN1 0x38, BOOT 0x40, where the fields are) are the values
 * programmed; the _PRG words and FLASH_OPTCCR in it are ignored, and OPTSR's status bits OPT_BUSY
 * (0) and OPTCHANGEERR (30) are not written. After a change the _PRG registers read as the _CUR
 * ones. Bank 2's PRAR, SCAR and WPSN (0x52002128-0x5200213F) lie outside the area and are kept.
 *
 * <p>The H7 applies option changes without a reset. Taking read protection from level 1 to 0 erases
 * the flash during the change (RM0433 4.5), so OPT_BUSY is then given the mass-erase time ({@link
 * EccOptionRequest#changeTime}); level 2
 * disables debug access at once, so the change then ends at the first refused access.
 */
final class FlashWordOptions implements OptionProgrammer {
  private static final long BASE = 0x52002000L;
  private static final long OPTKEYR = BASE + 0x08;
  private static final long OPTCR = BASE + 0x18;
  private static final long OPTSR_CUR = BASE + 0x1C;
  private static final long OPTCCR = BASE + 0x24;
  private static final int OPTLOCK = 1;
  private static final int OPTSTART = 1 << 1;
  private static final int OPT_BUSY = 1;
  private static final int OPTCHANGEERR = 1 << 30;
  private static final List<Integer> CURRENT = List.of(0x1C, 0x28, 0x30, 0x38, 0x40);

  private final DebugMemory memory;
  private final Device device;

  FlashWordOptions(DebugMemory memory, Device device) {
    this.memory = memory;
    this.device = device;
  }

  @Override
  public byte[] read() {
    return EccOptionArea.read(memory, device.optionBytes());
  }

  @Override
  public void program(byte[] image, boolean permanentLockConfirmed) {
    EccOptionRequest request = EccOptionRequest.check(device, image, permanentLockConfirmed);
    List<Long> registers = new ArrayList<>();
    for (int offset : CURRENT) {
      long current = BASE + offset;
      if (request.area().contains(current, 4)) {
        registers.add(current);
      }
    }
    Duration changeTime = request.changeTime(read());
    EccOptionLock lock = EccOptionLock.alone(memory, OPTCR, OPTSR_CUR, OPTKEYR, OPTLOCK);
    RuntimeException failure = null;
    boolean debugLost = false;
    try {
      lock.unlock();
      awaitIdle(device.timing().massErase());
      memory.write32(OPTCCR, OPTCHANGEERR);
      for (long current : registers) {
        memory.write32(current + 4, value(request, current) & mask(current));
      }
      memory.write32(OPTCR, OPTSTART);
      debugLost = !change(request, registers, changeTime);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      if (!debugLost) {
        lock.lock(failure);
      }
    }
  }

  /** @return false when level 2 took debug access away, so nothing can be checked */
  private boolean change(EccOptionRequest request, List<Long> registers, Duration changeTime) {
    int status;
    try {
      status = awaitIdle(changeTime);
    } catch (DebugAccessException e) {
      if (request.permanent()) {
        return false;
      }
      throw e;
    }
    if ((status & OPTCHANGEERR) != 0) {
      throw new FlashControllerException("program option bytes", OPTSR_CUR,
          Integer.toUnsignedLong(status), List.of("OPTCHANGEERR"),
          "the controller refused the option change");
    }
    for (long current : registers) {
      String difference = EccOptionArea.difference(memory, current, value(request, current),
          mask(current));
      if (difference != null) {
        throw new FlashControllerException("program option bytes", current,
            Integer.toUnsignedLong(status), List.of(), "after the change the option register "
                + difference);
      }
    }
    return true;
  }

  private int awaitIdle(Duration typical) {
    PollDeadline deadline = PollDeadline.forTypical(typical);
    int status;
    while (((status = memory.read32(OPTSR_CUR)) & OPT_BUSY) != 0) {
      if (deadline.passed()) {
        throw new FlashControllerException("program option bytes", OPTSR_CUR,
            Integer.toUnsignedLong(status), List.of("OPT_BUSY"),
            "an option change was still running after " + deadline.limitMillis() + " ms");
      }
      Thread.onSpinWait();
    }
    return status;
  }

  private static int value(EccOptionRequest request, long register) {
    return request.word((int) (register - request.area().start()));
  }

  /** The bits of a register that are option values: all but OPTSR's status bits. */
  private static int mask(long register) {
    return register == OPTSR_CUR ? ~(OPT_BUSY | OPTCHANGEERR) : -1;
  }
}
