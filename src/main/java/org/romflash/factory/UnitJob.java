package org.romflash.factory;

import org.romflash.device.Device;
import org.romflash.device.UniqueId;
import org.romflash.flash.BootloaderTarget;
import org.romflash.flash.EraseMode;
import org.romflash.flash.FlashPlan;
import org.romflash.flash.Flasher;
import org.romflash.flash.Progress;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.WrongDeviceException;
import org.romflash.image.FirmwareImage;
import org.romflash.protocol.NackException;
import org.romflash.protocol.Stage;

/**
 * Programs one unit on a connected board: checks the device, reads the unique ID, assigns the
 * serial number, writes image and serial in one erase/write/verify pass, then reads back the
 * regions' CRCs and the option bytes for the journal, and finishes (go, reset, exit lines). Every
 * step is timed into the {@link UnitRecord}; a failure leaves the record naming its phase.
 */
public final class UnitJob {

  /** Where the serial goes and who hands it out. */
  public record SerialPlacement(long address, SerialNumbers numbers) {}

  /**
   * What every unit of the run gets.
   *
   * @param expectedDevice refuse chips that are not this device (null: any)
   * @param serial null when no serial numbers are written
   */
  public record Settings(FirmwareImage image, ImageIdentity identity, EraseMode erase,
      VerifyMode verify, String expectedDevice, SerialPlacement serial) {}

  private final Settings settings;
  private final StopSignal stop;

  public UnitJob(Settings settings, StopSignal stop) {
    this.settings = settings;
    this.stop = stop;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Programs the unit on {@code board}; returns normally only when it is verified.
   *
   * @param notAgain in line mode, the UID programmed last on this port (null otherwise)
   * @throws SameBoardException when the board's UID is {@code notAgain}
   */
  void program(Connection board, UnitRecord record, Progress progress, UniqueId notAgain) {
    record.phase(Phase.IDENTIFY);
    long t0 = System.nanoTime();
    Device device = board.device();
    record.chip(board.pid(), device.name(), board.bootloaderVersion());
    if (settings.expectedDevice() != null && !device.answersTo(settings.expectedDevice())) {
      throw new WrongDeviceException("the chip is STM32" + device.name() + " ("
          + device.pidText() + "), not " + settings.expectedDevice());
    }
    BootloaderTarget target = board.target();
    UniqueId uid = readUid(target, device, record);
    if (uid != null && uid.equals(notAgain)) {
      throw new SameBoardException(uid);
    }
    record.uid(uid);
    FirmwareImage image = settings.image();
    if (settings.serial() != null) {
      SerialNumber serial = settings.serial().numbers().assign(uid);
      record.serial(serial, settings.serial().address());
      image = SerialOverlay.onto(image, device, settings.serial().address(), serial);
    }
    record.took(Phase.IDENTIFY, millisSince(t0));
    stop.check();
    record.phase(Phase.ERASE);
    FlashPlan plan = FlashPlan.of(image, device, settings.erase(), settings.verify(),
        target.writeBlockSize());
    target.useRamRoutine(settings.verify() != VerifyMode.READBACK);
    Watched watched = new Watched(progress, record);
    Flasher.Report report;
    try {
      report = new Flasher(target, watched).execute(plan);
    } finally {
      watched.close();
    }
    stop.check();
    record.phase(Phase.READBACK);
    long t1 = System.nanoTime();
    RegionCrcs.Found crcs = RegionCrcs.of(plan, report.verify());
    record.regions(crcs.regions(), crcs.source());
    byte[] options = optionBytes(target, device, record);
    if (options != null) {
      record.optionBytes(options);
    }
    record.took(Phase.READBACK, millisSince(t1));
    record.phase(Phase.FINISH);
    long t2 = System.nanoTime();
    board.finish();
    record.took(Phase.FINISH, millisSince(t2));
    record.succeeded();
  }

  /**
   * The unique ID; null, with a warning, when the bootloader refuses its address (some emulators
   * do). Read Memory refused as a command means read protection.
   */
  private static UniqueId readUid(BootloaderTarget target, Device device, UnitRecord record) {
    try {
      return new UniqueId(target.read(device.uidAddress(), UniqueId.LENGTH));
    } catch (NackException e) {
      if (e.stage() == Stage.COMMAND) {
        throw new ReadProtectedException(device.name(), e);
      }
      record.warn(String.format("the unique ID at 0x%08X cannot be read (%s)",
          device.uidAddress(), e.getMessage()));
      return null;
    }
  }

  /** The option bytes as they are now, or null with a warning when they cannot be read. */
  private static byte[] optionBytes(BootloaderTarget target, Device device, UnitRecord record) {
    try {
      return target.read(device.optionBytes().start(), (int) device.optionBytes().size());
    } catch (NackException e) {
      record.warn("the option bytes cannot be read (" + e.getMessage() + ")");
      return null;
    }
  }

  static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000L;
  }

  /**
   * Passes progress on, records the phase it is in and how long each took (the erase phase
   * includes the CRC check before it), and stops at the next block when asked.
   */
  private final class Watched implements Progress {
    private final Progress inner;
    private final UnitRecord record;
    private org.romflash.factory.Phase current = org.romflash.factory.Phase.ERASE;
    private long since = System.nanoTime();

    Watched(Progress inner, UnitRecord record) {
      this.inner = inner;
      this.record = record;
    }

    @Override
    public void start(Phase phase, long total) {
      stop.check();
      org.romflash.factory.Phase next = switch (phase) {
        case ERASE -> org.romflash.factory.Phase.ERASE;
        case WRITE -> org.romflash.factory.Phase.WRITE;
        case VERIFY, READ -> org.romflash.factory.Phase.VERIFY;
      };
      if (next != current) {
        close();
        current = next;
      }
      record.phase(current);
      inner.start(phase, total);
    }

    /** Charges the time since the phase began to it. */
    void close() {
      long now = System.nanoTime();
      record.took(current, (now - since) / 1_000_000L);
      since = now;
    }

    @Override
    public void advance(long amount) {
      stop.check();
      inner.advance(amount);
    }

    @Override
    public void finish() {
      inner.finish();
    }
  }
}
