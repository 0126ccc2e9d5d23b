package org.romflash.swd;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.flash.ChipIdentity;
import org.romflash.swd.adi.CortexM;
import org.romflash.swd.adi.DebugPort;
import org.romflash.swd.adi.MemAp;
import org.romflash.swd.dap.CmsisDap;
import org.romflash.swd.stm32.DebugMcu;
import org.romflash.swd.stm32.FlashDriver;
import org.romflash.swd.stm32.FlashDrivers;

/**
 * A chip behind a CMSIS-DAP probe, ready to program: SWD connected, debug powered, the core halted
 * (after a reset caught at its vector when connecting under reset), the chip identified by its
 * DBGMCU IDCODE and flash-size register, the watchdogs frozen and low-power debug on, and the
 * family's flash driver in place.
 */
public final class ProbeConnection implements AutoCloseable {

  /**
   * @param clockHz SWCLK frequency
   * @param underReset hold nRESET while connecting, for chips whose program disables SWD pins or
   *     sleeps at once
   */
  public record Options(int clockHz, boolean underReset) {
    public static Options defaults() {
      return new Options(4_000_000, false);
    }
  }

  private final CmsisDap dap;
  private final DebugPort dp;
  private final ChipIdentity identity;
  private final SwdTarget target;

  private ProbeConnection(CmsisDap dap, DebugPort dp, ChipIdentity identity, SwdTarget target) {
    this.dap = dap;
    this.dp = dp;
    this.identity = identity;
    this.target = target;
  }

  /** Connects, identifies and prepares the chip; {@code notes} hears what was assumed. */
  public static ProbeConnection open(CmsisDap dap, DeviceDatabase database, Options options,
      Consumer<String> notes) {
    return open(dap, database, options, notes, FlashDrivers::forDevice);
  }

  /** As {@link #open(CmsisDap, DeviceDatabase, Options, Consumer)}, with these flash drivers. */
  public static ProbeConnection open(CmsisDap dap, DeviceDatabase database, Options options,
      Consumer<String> notes, BiFunction<Device, DebugMemory, FlashDriver> drivers) {
    try {
      if (options.underReset()) {
        dap.swjPins(0, CmsisDap.PIN_NRESET, 0);
      }
      DebugPort dp = DebugPort.connect(dap, options.clockHz());
      MemAp memory = new MemAp(dp, 0);
      CortexM core = new CortexM(memory);
      if (options.underReset()) {
        core.catchReset();
        dap.swjPins(CmsisDap.PIN_NRESET, CmsisDap.PIN_NRESET, 0);
        core.awaitHalt();
      } else {
        core.halt();
      }
      ChipIdentity identity = ChipIdentity.identify(memory::read, candidates(memory, database));
      LinkCheck.run(memory, identity.device().ram());
      identity.notes().forEach(notes);
      Device device = identity.device();
      DebugMcu.forFamily(device.family()).ifPresentOrElse(mcu -> prepare(memory, mcu),
          () -> notes.accept("romflash does not know where STM32" + device.name() + " freezes its"
              + " watchdogs: a running watchdog may reset the chip while it is halted"));
      SwdTarget target = new SwdTarget(device, memory, core, drivers.apply(device, memory));
      return new ProbeConnection(dap, dp, identity, target);
    } catch (RuntimeException e) {
      dap.close();
      throw e;
    }
  }

  /**
   * The entries whose product ID a DBGMCU_IDCODE register holds, trying each family's place: how
   * any debug path (CMSIS-DAP, a GDB server) identifies an STM32.
   *
   * @throws DebugAccessException when no place holds a known product ID
   */
  public static List<Device> candidates(DebugMemory memory, DeviceDatabase database) {
    StringBuilder seen = new StringBuilder();
    for (long address : DebugMcu.IDCODE_CANDIDATES) {
      try {
        int devId = memory.read32(address) & 0xFFF;
        List<Device> found = database.byPid(devId);
        if (!found.isEmpty()) {
          return found;
        }
        seen.append(String.format(" 0x%08X: DEV_ID 0x%03X;", address, devId));
      } catch (DebugAccessException e) {
        seen.append(String.format(" 0x%08X: bus fault;", address));
      }
    }
    throw new DebugAccessException("no DBGMCU_IDCODE with a known product ID:" + seen
        + " is it an STM32, and is its DEV_ID in the device database?");
  }

  /** Low-power debug and watchdog freeze, before anything is programmed. */
  private static void prepare(MemAp memory, DebugMcu mcu) {
    memory.write32(mcu.control(), memory.read32(mcu.control()) | mcu.lowPowerBits());
    for (DebugMcu.Freeze freeze : mcu.freezes()) {
      memory.write32(freeze.address(), memory.read32(freeze.address()) | freeze.bits());
    }
  }

  public ChipIdentity identity() {
    return identity;
  }

  public SwdTarget target() {
    return target;
  }

  /** The SW-DP's DPIDR. */
  public int dpidr() {
    return dp.idcode();
  }

  public CmsisDap probe() {
    return dap;
  }

  @Override
  public void close() {
    dap.close();
  }
}
