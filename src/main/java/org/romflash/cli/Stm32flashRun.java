package org.romflash.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.romflash.cli.stm32flash.Ranges;
import org.romflash.cli.stm32flash.Stm32flashArguments;
import org.romflash.cli.stm32flash.Stm32flashUsageException;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;
import org.romflash.flash.ReadBack;
import org.romflash.flash.Verifier;
import org.romflash.flash.FlashTarget;
import org.romflash.flash.Progress;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;
import org.romflash.image.ImageFormat;

/** Carries out one understood stm32flash command line on an open session. */
final class Stm32flashRun {

  private final Session session;
  private final Stm32flashArguments args;
  private final PrintWriter out;
  private final FlashTarget target;
  private final Device device;

  Stm32flashRun(Session session, Stm32flashArguments args, PrintWriter out) {
    this.session = session;
    this.args = args;
    this.out = out;
    this.target = new FramedTarget(session.target(), args.readChunk(), args.writeChunk());
    if (args.readChunk() < 256 || args.writeChunk() < 256) {
      session.target().useRamRoutine(false); // its upload and answer use full 256-byte frames
    }
    this.device = session.device();
  }

  ExitCode run() throws IOException {
    say(String.format("chip: STM32%s (PID %s), bootloader %d.%d, %d KiB flash", device.name(),
        device.pidText(), session.info().version() >> 4, session.info().version() & 0xF,
        device.flash().size() / 1024));
    switch (args.action()) {
      case INFO -> { }
      case READ -> read();
      case WRITE -> new Stm32flashWrite(target, args, this::say, progress()).run();
      case ERASE -> erase();
      case CRC -> crc();
      case WRITE_UNPROTECT -> {
        session.client().writeUnprotect();
        say("write protection removed; the chip reset");
      }
      case READ_PROTECT -> {
        session.client().readoutProtect();
        say("read-out protection set; the chip reset");
      }
      case READ_UNPROTECT -> {
        session.client().readoutUnprotect(session.client().timeouts().eraseOf(
            device.flash().size()));
        say("read-out protection removed: the flash was erased and the chip reset");
      }
    }
    if (args.go().isPresent()) {
      long address = args.go().getAsLong() == 0 ? device.flash().base() : args.go().getAsLong();
      target.go(address);
      say(String.format("started the program at 0x%08X", address));
    }
    if (args.reset()) {
      long at = ResetProgram.run(target);
      say(String.format("reset the chip (reset program run from 0x%08X)", at));
    }
    return ExitCode.OK;
  }

  private void read() throws IOException {
    MemoryRegion span = Ranges.span(args, device);
    byte[] data = readAll(span);
    String file = args.file().orElseThrow();
    if (file.equals("-")) {
      Main.outStream().write(data);
      Main.outStream().flush();
    } else {
      ImageFiles.write(Path.of(file), FirmwareImage.of(span.start(), data), ImageFormat.BIN);
    }
    say(String.format("read %d bytes from 0x%08X-0x%08X into %s (raw binary)", data.length,
        span.start(), span.end() - 1, file.equals("-") ? "standard output" : file));
  }

  private void crc() {
    MemoryRegion span = Ranges.span(args, device);
    if (span.start() % 4 != 0 || span.size() % 4 != 0) {
      throw new Stm32flashUsageException(String.format("-C works on whole 32-bit words:"
          + " 0x%08X-0x%08X does not start and end on a multiple of 4", span.start(),
          span.end() - 1));
    }
    String how = target.offersChecksum() ? "by the chip (Get Checksum)" : "from a read-back";
    int crc = Verifier.chipCrc(target, span.start(), span.size(), progress());
    say(String.format("CRC-32/STM32 of 0x%08X-0x%08X (%d bytes, %s): 0x%08X", span.start(),
        span.end() - 1, span.size(), how, crc));
  }

  private void erase() {
    List<EraseUnit> units = Ranges.eraseOnly(args, device);
    Progress progress = progress();
    progress.start(Progress.Phase.ERASE, units.size());
    try {
      if (units.equals(device.flash().units())) {
        target.massErase();
      } else {
        target.erase(units);
      }
      progress.advance(units.size());
    } finally {
      progress.finish();
    }
    EraseUnit first = units.get(0);
    EraseUnit last = units.get(units.size() - 1);
    say(String.format("erased %d pages (%d to %d), 0x%08X-0x%08X", units.size(), first.number(),
        last.number(), first.address(), last.end() - 1));
  }

  private byte[] readAll(MemoryRegion span) {
    if (span.size() > Integer.MAX_VALUE) {
      throw new Stm32flashUsageException("-S: at most 2 GiB at once");
    }
    return ReadBack.range(target, span.start(), (int) span.size(), progress());
  }

  private Progress progress() {
    return new ConsoleProgress(Main.errStream(), System.console() != null);
  }

  /** Summary lines go to standard output, unless it carries the data read (-r -). */
  void say(String line) {
    if (args.file().filter("-"::equals).isPresent()) {
      Main.errStream().println(line);
    } else {
      out.println(line);
      out.flush();
    }
  }
}
