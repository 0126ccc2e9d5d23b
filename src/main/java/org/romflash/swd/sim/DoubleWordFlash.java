package org.romflash.swd.sim;

import org.romflash.device.MemoryRegion;

/**
 * The flash memory behind a {@link DoubleWordModel} as the bus sees it: reads return the cells;
 * writes program them as RM0351 3.3.7 (standard programming) and the FLASH_SR description say:
 *
 * <ul>
 *   <li>without PG set (also while locked): PGSERR, nothing written;
 *   <li>while an error flag of an earlier operation is still set: PGSERR;
 *   <li>a byte or half-word write: SIZERR (only 32-bit writes make up a double word);
 *   <li>a first word not at an 8-aligned address, or a second word that is not the first's
 *       address + 4 (another double word started before the pair was complete): PGAERR, "the data
 *       to program cannot be contained in the same double word"; the pair is dropped. MISERR
 *       belongs to fast programming (FSTPG), which is not modelled;
 *   <li>the pair complete: WRPERR on a write-protected page, PROGERR when the double word is not
 *       erased (unless the data are all zeros, which the RM allows), else the cells are set and
 *       the operation runs (BSY, then EOP).
 * </ul>
 *
 * <p>Read protection refuses debug reads and writes here ({@link DoubleWordOptionControl}).
 */
final class DoubleWordFlash implements BusRegion {
  private final DoubleWordModel controller;
  private final FlashArray array;
  private long firstAddress = -1;
  private int firstWord;

  DoubleWordFlash(DoubleWordModel controller, FlashArray array) {
    this.controller = controller;
    this.array = array;
  }

  @Override
  public MemoryRegion region() {
    return new MemoryRegion(array.base(), array.layout().size());
  }

  @Override
  public int read(long address, int size) {
    controller.debugAccess(address);
    return array.get(address, size);
  }

  @Override
  public void write(long address, int size, int value) {
    controller.debugAccess(address);
    controller.stall();
    int refused = refusal(address, size);
    if (refused != 0) {
      controller.raise(refused);
      abandonPair();
    } else if (firstAddress < 0) {
      firstAddress = address;
      firstWord = value;
    } else {
      long at = firstAddress;
      abandonPair();
      program(at, firstWord, value);
    }
  }

  boolean pairPending() {
    return firstAddress >= 0;
  }

  void abandonPair() {
    firstAddress = -1;
  }

  private int refusal(long address, int size) {
    if (!controller.programming() || controller.errorPending()) {
      return DoubleWordModel.PGSERR;
    }
    if (size != 4) {
      return DoubleWordModel.SIZERR;
    }
    boolean inPlace = firstAddress < 0 ? address % 8 == 0 : address == firstAddress + 4;
    return inPlace ? 0 : DoubleWordModel.PGAERR;
  }

  private void program(long address, int low, int high) {
    if (array.writeProtected(array.unitAt(address))) {
      controller.raise(DoubleWordModel.WRPERR);
    } else if (!array.erased(address, 8) && (low | high) != 0) {
      controller.raise(DoubleWordModel.PROGERR);
    } else {
      array.set(address, 4, low);
      array.set(address + 4, 4, high);
      controller.started();
    }
  }
}
