package org.romflash.emulator;

import org.romflash.device.BootloaderProfile;
import org.romflash.device.Device;
import org.romflash.link.Link;
import org.romflash.link.LinkPair;

/**
 * Runs an emulated chip's bootloader on a link, in a thread of its own, until stopped or until the
 * link closes.
 */
public final class Emulator implements AutoCloseable {
  private final Chip chip;
  private final TargetPort port;
  private final Bootloader bootloader;
  private final Thread thread;

  private Emulator(Chip chip, Link link, Options options) {
    this.chip = chip;
    this.port = new TargetPort(link, options.timing(), options.faults());
    BootloaderProfile profile =
        options.profile() == null ? chip.device().bootloader() : options.profile();
    this.bootloader = new Bootloader(chip, profile, port, options.timing(), options.ramCode());
    if (options.synchronised()) {
      bootloader.assumeSynchronised();
    }
    this.thread = new Thread(bootloader, "emulated " + chip.device().name());
    thread.setDaemon(true);
  }

  /** Starts serving {@code chip} on {@code link} (the target side). */
  public static Emulator start(Chip chip, Link link, Options options) {
    Emulator emulator = new Emulator(chip, link, options);
    emulator.thread.start();
    return emulator;
  }

  /**
   * An emulated chip on an in-memory link. Closing the returned host link switches the chip off.
   */
  public static Simulation simulate(Device device, Options options) {
    Chip chip = new Chip(device);
    LinkPair pair = LinkPair.create("sim:" + device.name());
    Emulator emulator = start(chip, pair.target(), options);
    return new Simulation(chip, pair.host(), emulator);
  }

  public Chip chip() {
    return chip;
  }

  /** Whether the bootloader has handed over to the application (after Go). */
  public boolean leftBootloader() {
    return bootloader.state() == Bootloader.State.APPLICATION;
  }

  /**
   * NRST pulsed with BOOT0 high, from outside (a test standing in for an entry line sequence):
   * a chip that had left its bootloader waits for 0x7F again. The emulator otherwise ignores the
   * control lines.
   */
  public void pressReset() {
    bootloader.pressReset();
  }

  /** Whether the bootloader has answered a 0x7F and now takes commands. */
  public boolean synchronised() {
    return bootloader.state() == Bootloader.State.COMMAND;
  }

  /**
   * Whether the bootloader has finished with everything it received and waits for the next byte.
   * Tests wait for this before sending, so bytes are not lost to a reset still in progress.
   */
  public boolean waitingForInput() {
    return port.idle();
  }

  /** Waits until {@link #waitingForInput()} or {@code timeout} passes; returns which. */
  public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!waitingForInput() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    return waitingForInput();
  }

  /** Waits until the bootloader thread has stopped. */
  public void join() throws InterruptedException {
    thread.join();
  }

  @Override
  public void close() {
    port.stop();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * How an emulated chip behaves beyond its device entry.
   *
   * @param timing the timing model
   * @param faults faults to inject
   * @param profile a bootloader profile replacing the device's (another version or command set),
   *     or null for the device's own
   * @param synchronised start as if the autobaud 0x7F had been answered already
   */
  public record Options(TimingModel timing, FaultPlan faults, BootloaderProfile profile,
      boolean synchronised, RamCode ramCode) {

    public static Options defaults() {
      return new Options(TimingModel.instant(), FaultPlan.none(), null, false, RamCode.RUN);
    }

    public Options withTiming(TimingModel newTiming) {
      return new Options(newTiming, faults, profile, synchronised, ramCode);
    }

    public Options withFaults(FaultPlan newFaults) {
      return new Options(timing, newFaults, profile, synchronised, ramCode);
    }

    public Options withProfile(BootloaderProfile newProfile) {
      return new Options(timing, faults, newProfile, synchronised, ramCode);
    }

    public Options synchronised(boolean on) {
      return new Options(timing, faults, profile, on, ramCode);
    }

    /** What Go to RAM does: see {@link RamCode}. */
    public Options withRamCode(RamCode newRamCode) {
      return new Options(timing, faults, profile, synchronised, newRamCode);
    }
  }

  /** A chip, the host end of its link, and the emulator serving it. */
  public record Simulation(Chip chip, Link hostLink, Emulator emulator) implements AutoCloseable {
    @Override
    public void close() {
      hostLink.close();
      emulator.close();
    }
  }
}
