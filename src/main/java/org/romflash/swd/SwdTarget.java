package org.romflash.swd;

import java.util.Arrays;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.flash.Crc32Stm32;
import org.romflash.flash.FlashTarget;
import org.romflash.swd.stm32.FlashDriver;

/**
 * A chip reached through a debug probe, as a {@link FlashTarget}: the flash driver erases and
 * programs by the controller's registers, reads go straight through the debug port. Blocks are
 * padded with the erased value to the driver's program unit. Nothing runs on the chip, and the
 * Flasher's verify reads every byte back.
 */
public final class SwdTarget implements FlashTarget {
  private static final int BLOCK = 4096;

  private final Device device;
  private final DebugMemory memory;
  private final CoreControl core;
  private final FlashDriver driver;

  public SwdTarget(Device device, DebugMemory memory, CoreControl core, FlashDriver driver) {
    this.device = device;
    this.memory = memory;
    this.core = core;
    this.driver = driver;
  }

  @Override
  public Device device() {
    return device;
  }

  public DebugMemory memory() {
    return memory;
  }

  public CoreControl core() {
    return core;
  }

  /** The option bytes through this chip's flash controller, where its driver programs them. */
  public java.util.Optional<org.romflash.swd.stm32.OptionProgrammer> options() {
    return driver.options();
  }

  @Override
  public byte[] read(long address, int length) {
    return memory.read(address, length);
  }

  @Override
  public void write(long address, byte[] block) {
    int unit = driver.programUnit();
    long start = address - Math.floorMod(address, unit);
    long end = address + block.length;
    end += Math.floorMod(-end, unit);
    byte[] padded = new byte[(int) (end - start)];
    Arrays.fill(padded, (byte) device.erasedValue());
    System.arraycopy(block, 0, padded, (int) (address - start), block.length);
    driver.program(start, padded);
  }

  @Override
  public int writeBlockSize() {
    return BLOCK;
  }

  @Override
  public void erase(List<EraseUnit> units) {
    units.forEach(driver::erase);
  }

  @Override
  public void massErase() {
    driver.massErase();
  }

  /** No CRC unit is used: a CRC would cost a full read-back, which the verify does anyway. */
  @Override
  public boolean offersChecksum() {
    return false;
  }

  @Override
  public int checksum(long address, long length) {
    return Crc32Stm32.of(read(address, Math.toIntExact(length)));
  }

  /**
   * Resets the chip and lets it run: the program starts from the vector table the chip boots
   * from, the start of flash.
   *
   * @throws IllegalArgumentException for any other address: a reset cannot start code there
   */
  @Override
  public void go(long address) {
    if (address != device.flash().base()) {
      throw new IllegalArgumentException(String.format("through a probe romflash starts the"
          + " program with a reset, which runs it from the start of flash (0x%08X), not from"
          + " 0x%08X", device.flash().base(), address));
    }
    core.resetAndRun();
  }
}
