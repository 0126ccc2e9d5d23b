package org.romflash.swd.sim;

import java.util.ArrayList;
import java.util.List;
import org.romflash.device.Device;
import org.romflash.device.MemoryRegion;
import org.romflash.swd.stm32.DebugMcu;

/**
 * An STM32 as a debugger sees it: RAM, system memory with the unique ID and flash-size register,
 * DBGMCU with its IDCODE, the Cortex-M debug registers and the family's flash controller, on one
 * {@link SimulatedBus}. On H7 parts the D2 SRAMs (0x30000000) stay unclocked after reset until
 * RCC_AHB2ENR enables them, as on silicon, so a debugger that loads code there without enabling
 * them gets a bus fault rather than a silent mismatch.
 */
public final class SimulatedChip {
  static final long H7_RCC_AHB2ENR = 0x5802_44DCL;
  private static final long H7_D2_SRAM = 0x3000_0000L;

  private final Device device;
  private final SimulatedBus bus = new SimulatedBus();
  private final FlashControllerModel flash;
  private final SystemControlModel core;
  private final List<RomRegion> roms = new ArrayList<>();
  private RegisterFile rcc;
  private boolean heldInReset;

  /** The device's chip with its family's flash controller ({@link FlashModels}). */
  public SimulatedChip(Device device) {
    this(device, FlashModels.forDevice(device));
  }

  /** The device's chip with this flash controller. */
  public SimulatedChip(Device device, FlashControllerModel flashController) {
    this.device = device;
    this.flash = flashController;
    this.core = new SystemControlModel(this::reset);
    bus.attach(flash.flash()).attach(flash.registers()).attach(core);
    if (flash.optionArea() != null) {
      bus.attach(flash.optionArea());
    }
    boolean h7 = device.family().equals("STM32H7");
    if (h7) {
      rcc = new RegisterFile(new MemoryRegion(0x5802_4400L, 0x400));
      bus.attach(rcc);
    }
    for (MemoryRegion ram : device.ramRegions()) {
      bus.attach(new RamRegion(ram));
    }
    if (h7) {
      attachH7Srams(device);
    }
    RomRegion system = new RomRegion(device.systemMemory());
    roms.add(system);
    bus.attach(system);
    byte[] uid = {'S', 'W', 'D', 's', 'i', 'm', 0, 0, 0, 0, 0, 1};
    place(device.uidAddress(), uid);
    long kib = device.flash().size() / 1024;
    place(device.flashSizeRegister(), new byte[] {(byte) kib, (byte) (kib >> 8)});
    DebugMcu.forFamily(device.family()).ifPresent(this::attachDbgMcu);
  }

  /**
   * The H7's AXI SRAM (clocked at reset) and D2 SRAM1-3 (0x30000000, 288 KiB on H74x/H75x, RM0433
   * 2.3.2; clocked only once RCC_AHB2ENR's SRAM1EN-SRAM3EN bits 29-31 are set, RM0433 8.7.41),
   * where the device entry does not list them.
   */
  private void attachH7Srams(Device device) {
    MemoryRegion axi = new MemoryRegion(0x2400_0000L, 0x8_0000);
    MemoryRegion d2 = new MemoryRegion(H7_D2_SRAM, 0x4_8000);
    if (device.ramRegions().stream().noneMatch(r -> r.overlaps(axi.start(), axi.size()))) {
      bus.attach(new RamRegion(axi));
    }
    bus.attach(new RamRegion(d2, () -> (rcc.word(H7_RCC_AHB2ENR) & (7 << 29)) != 0));
  }

  private void attachDbgMcu(DebugMcu mcu) {
    RegisterFile dbgmcu = new RegisterFile(new MemoryRegion(mcu.idcode(), 0x60));
    dbgmcu.fixed(mcu.idcode(), (0x1000 << 16) | device.pid());
    bus.attach(dbgmcu);
  }

  /** Puts read-only bytes where the device has them, inside system memory or on their own. */
  private void place(long address, byte[] data) {
    for (RomRegion rom : roms) {
      if (rom.region().contains(address, data.length)) {
        rom.put(address, data);
        return;
      }
    }
    RomRegion own = new RomRegion(new MemoryRegion(address, data.length));
    own.put(address, data);
    roms.add(own);
    bus.attach(own);
  }

  public Device device() {
    return device;
  }

  public SimulatedBus bus() {
    return bus;
  }

  public FlashControllerModel flash() {
    return flash;
  }

  public SystemControlModel core() {
    return core;
  }

  /** A system reset: controllers lock, H7 D2 SRAM clocks stop, the core halts if caught. */
  public void reset() {
    flash.reset();
    if (rcc != null) {
      rcc.setWord(H7_RCC_AHB2ENR, 0);
    }
    if (!heldInReset) {
      core.afterReset();
    }
  }

  /** nRESET driven by the probe: held low, then released (a reset on release). */
  public void holdInReset(boolean held) {
    boolean released = heldInReset && !held;
    heldInReset = held;
    if (released) {
      reset();
    }
  }
}
