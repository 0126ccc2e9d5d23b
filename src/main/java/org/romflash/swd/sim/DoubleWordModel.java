package org.romflash.swd.sim;

import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;

/**
 * The double-word flash controller of the STM32L4, G0, G4, WB and WL, register by register, so
 * drivers can be tested without a chip. What it models (RM0351 sections 3.3 and 3.7; the other
 * manuals agree): FLASH_CR locked at reset and unlocked by the two keys in order, a wrong key
 * (or a key written while unlocked) answers with a bus error and keeps it locked until reset;
 * page erase (PER, PNB, BKER, STRT) and mass erase (MER1, MER2); double-word programming with
 * the errors of section 3.3.7 and the FLASH_SR description ({@link DoubleWordFlash}); BSY (and
 * CFGBSY where it exists) for a fixed number of FLASH_SR reads; EOP only with EOPIE set; starting
 * anything while an error flag from earlier is still set gives PGSERR. The RM does not say what
 * an erase of a page number that does not exist does: the model answers PGSERR.
 *
 * <p>Option bytes ({@link DoubleWordOptionControl}, {@link DoubleWordOptionStore}): OPTLOCK (CR
 * bit 30), OPTSTRT (bit 17, BSY as for any operation), OBL_LAUNCH (bit 27), the option registers,
 * the option area ({@link #optionArea()}), and what loaded read protection and WRP areas do. Fast
 * programming, PCROP and bank 2's option bytes on dual-bank L4 and G4 are not modelled.
 */
public final class DoubleWordModel implements FlashControllerModel {
  static final int PG = 1;
  static final int PER = 1 << 1;
  static final int MER1 = 1 << 2;
  static final int MER2 = 1 << 15;
  static final int STRT = 1 << 16;
  static final int OPTSTRT = 1 << 17;
  static final int EOPIE = 1 << 24;
  static final int OBL_LAUNCH = 1 << 27;
  static final int OPTLOCK = 1 << 30;
  static final int LOCK = 1 << 31;

  static final int EOP = 1;
  static final int PROGERR = 1 << 3;
  static final int WRPERR = 1 << 4;
  static final int PGAERR = 1 << 5;
  static final int SIZERR = 1 << 6;
  static final int PGSERR = 1 << 7;
  static final int OPTVERR = 1 << 15;
  static final int BSY = 1 << 16;
  static final int CFGBSY = 1 << 18;
  static final int PESD = 1 << 19;
  static final int CLEARABLE = 0xC3FB;

  private final Device device;
  private final DoubleWordVariant variant;
  private final FlashArray array;
  private final OperationTimer busy;
  private final DoubleWordFlash flash;
  private final DoubleWordOptionLayout optionLayout;
  private final DoubleWordOptionStore options;
  private final DoubleWordOptionControl optionControl;
  private final KeySequence keys = new KeySequence();
  private int control;
  private int status;

  /** A controller whose operations show BSY for two FLASH_SR reads. */
  public DoubleWordModel(Device device) {
    this(device, 2);
  }

  /** @throws IllegalArgumentException when the device is not an L4, G0, G4, WB or WL */
  public DoubleWordModel(Device device, int busyReads) {
    this.device = device;
    this.variant = DoubleWordVariant.forFamily(device.family());
    this.array = new FlashArray(device.flash(), device.erasedValue());
    this.busy = new OperationTimer(busyReads);
    this.flash = new DoubleWordFlash(this, array);
    this.optionLayout = DoubleWordOptionLayout.forFamily(device.family());
    this.options = new DoubleWordOptionStore(optionLayout, device.flash().bankCount());
    this.optionControl = new DoubleWordOptionControl(this, options, array,
        variant.base() + 0x14);
  }

  @Override
  public BusRegion flash() {
    return flash;
  }

  @Override
  public BusRegion registers() {
    return new RegisterBlock(new MemoryRegion(variant.base(), 0x400), this::readRegister,
        this::writeRegister);
  }

  /**
   * The option area as the bus reads it (0x1FFF7800 on L4, G0, G4 and WL, 0x1FFF8000 on WB): each
   * option register's value as last programmed, followed by its complement. It lies outside the
   * flash and the register block, so a chip attaches it on its own.
   */
  @Override
  public BusRegion optionArea() {
    return new DoubleWordOptionArea(new MemoryRegion(optionLayout.viewBase(),
        optionLayout.viewSize()), options, optionControl::debugAccess);
  }

  @Override
  public FlashArray array() {
    return array;
  }

  @Override
  public void reset() {
    keys.reset();
    control = 0;
    busy.reset();
    flash.abandonPair();
    options.reset();
    status = options.loadFailed() ? OPTVERR : 0;
  }

  /** Test hook: the next option byte load fails, as after a power loss while programming them. */
  public void failNextOptionLoad() {
    options.failNextLoad();
  }

  /** Test hook (WB, WL): CPU2 suspends flash operations (FLASH_SR.PESD), or lets them run again. */
  public void suspendFlashOperations(boolean on) {
    optionControl.suspend(on && optionLayout.secondCore());
  }

  /** Test hook: the next operation never ends, its BSY stays set until {@link #reset()}. */
  public void hangNextOperation() {
    busy.hangNext();
  }

  /** @throws BusFault when read protection refuses a debug access there */
  void debugAccess(long address) {
    optionControl.debugAccess(address);
  }

  boolean programming() {
    return !keys.locked() && (control & PG) != 0;
  }

  boolean errorPending() {
    return (status & CLEARABLE & ~EOP) != 0;
  }

  void raise(int flags) {
    status |= flags;
  }

  void started() {
    busy.start();
  }

  /** A flash access waits for the running operation (the bus stalls): it ends now. */
  void stall() {
    if (busy.finishNow()) {
      finished();
    }
  }

  private int readRegister(int offset) {
    optionControl.debugAccess(variant.base() + offset);
    return switch (offset) {
      case 0x10 -> readStatus();
      case 0x14 -> control | (options.locked() ? OPTLOCK : 0) | (keys.locked() ? LOCK : 0);
      default -> options.register(offset);
    };
  }

  private void writeRegister(int offset, long address, int value) {
    optionControl.debugAccess(address);
    switch (offset) {
      case 0x08 -> key(address, value);
      case 0x0C -> {
        if (!keys.locked()) {
          optionControl.key(address, value);
        }
      }
      case 0x10 -> status &= ~(value & CLEARABLE);
      case 0x14 -> writeControl(value);
      default -> options.write(offset, value);
    }
  }

  private int readStatus() {
    if (busy.tick()) {
      finished();
    }
    int configBusy = variant.configBusy() && (busy.running() || flash.pairPending()) ? CFGBSY : 0;
    int suspended = optionControl.suspended() ? PESD : 0;
    return status | (busy.running() ? BSY : 0) | configBusy | suspended;
  }

  private void finished() {
    if ((control & EOPIE) != 0) {
      status |= EOP;
    }
  }

  private void key(long address, int value) {
    if (!keys.key(value)) {
      control = 0;
      throw new BusFault(address, String.format("wrong flash key sequence (0x%08X): FLASH_CR stays"
          + " locked until reset", value));
    }
  }

  private void writeControl(int value) {
    if (keys.locked()) {
      return;
    }
    control = value & ~(STRT | OPTSTRT | OBL_LAUNCH | OPTLOCK | LOCK);
    if ((value & (LOCK | OPTLOCK)) != 0) {
      options.lock();
    }
    if ((value & LOCK) != 0) {
      keys.lock();
      flash.abandonPair();
    } else if (optionControl.control(value)) {
      return;
    } else if ((value & STRT) != 0) {
      stall();
      erase(value);
    }
  }

  private void erase(int value) {
    if ((value & (PER | MER1 | MER2)) == 0) {
      return;
    }
    List<EraseUnit> units = variant.erasedBy(value, device.flash());
    if (errorPending() || units.isEmpty()) {
      raise(PGSERR);
    } else if (units.stream().anyMatch(array::writeProtected)) {
      raise(WRPERR);
    } else {
      units.forEach(array::erase);
      started();
    }
  }
}
