package org.romflash.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.romflash.cli.stm32flash.Ranges;
import org.romflash.cli.stm32flash.Stm32flashArguments;
import org.romflash.cli.stm32flash.Stm32flashUsageException;
import org.romflash.device.Device;
import org.romflash.flash.EraseMode;
import org.romflash.flash.FlashPlan;
import org.romflash.flash.FlashTarget;
import org.romflash.flash.Flasher;
import org.romflash.flash.ImageCheck;
import org.romflash.flash.ImageDoesNotFitException;
import org.romflash.flash.Progress;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFiles;
import org.romflash.image.ImageFormat;

/**
 * stm32flash's {@code -w}: the file goes where its format or {@code -S}/{@code -s} says, the
 * pages {@code -S ADDR:LEN} or {@code -e} name are erased (else those the data touches), and data
 * that does not fit the range is refused before anything is erased. HEX gaps stay gaps.
 */
final class Stm32flashWrite {
  private final FlashTarget target;
  private final Stm32flashArguments args;
  private final Consumer<String> say;
  private final Progress progress;
  private final Device device;

  Stm32flashWrite(FlashTarget target, Stm32flashArguments args, Consumer<String> say,
      Progress progress) {
    this.target = target;
    this.args = args;
    this.say = say;
    this.progress = progress;
    this.device = target.device();
  }

  void run() throws IOException {
    Ranges.WritePlacement placement = Ranges.write(args, device);
    byte[] content = content();
    ImageFormat format = args.forceBinary() ? ImageFormat.BIN : ImageFormat.of(content);
    FirmwareImage image = image(content, format, placement.base());
    checkPlacement(image, format, placement);
    VerifyMode verify = args.verify() ? VerifyMode.AUTO : VerifyMode.NONE;
    FlashPlan touched = FlashPlan.of(image, device, placement.erase().isPresent() ? EraseMode.NONE
        : EraseMode.TOUCHED, verify, target.writeBlockSize());
    FlashPlan plan = placement.erase()
        .map(units -> new FlashPlan(false, units, touched.writes(), verify))
        .orElse(touched);
    Flasher.Report report = new Flasher(target, progress).execute(plan);
    say.accept(String.format("wrote %d bytes of %s data at 0x%08X-0x%08X (%d segment%s), %d pages"
        + " erased, %s", image.size(), format.name().toLowerCase(Locale.ROOT),
        image.lowestAddress(), image.endAddress() - 1, image.segments().size(),
        image.segments().size() == 1 ? "" : "s",
        report.unitsErased(), report.verify() instanceof VerifyResult.Match m
            ? "verified by " + m.method().name().toLowerCase(Locale.ROOT)
            : "not verified (add -v)"));
  }

  private byte[] content() throws IOException {
    String file = args.file().orElseThrow();
    return file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
  }

  private FirmwareImage image(byte[] content, ImageFormat format, long base) throws IOException {
    String file = args.file().orElseThrow();
    Path path = Path.of(file);
    Path temporary = null;
    if (file.equals("-")) {
      temporary = Files.createTempFile("romflash-stdin", ".img");
      Files.write(temporary, content);
      path = temporary;
    }
    try {
      return ImageFiles.read(path, format, base);
    } finally {
      if (temporary != null) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /**
   * A file with its own addresses is not moved: when -S or -s names another start, stm32flash 0.7
   * would shift the data there, which is refused here. Data must lie in the range -S ADDR:LEN or
   * -e allows; stm32flash cuts it short and reports success.
   */
  private void checkPlacement(FirmwareImage image, ImageFormat format,
      Ranges.WritePlacement placement) {
    boolean moved = args.startAddress().isPresent() || args.startPage().isPresent();
    if (format != ImageFormat.BIN && moved && image.lowestAddress() != placement.base()) {
      throw new Stm32flashUsageException(String.format("%s places its data from 0x%08X, but -S or"
          + " -s names 0x%08X: romflash writes %s files at their own addresses (stm32flash 0.7"
          + " would move the data). Leave out -S/-s, or give -f for a raw binary",
          args.file().orElseThrow(), image.lowestAddress(), placement.base(),
          format.name().toLowerCase(Locale.ROOT)));
    }
    if (placement.limitOption().isEmpty()) {
      return;
    }
    if (image.lowestAddress() < placement.base() || image.endAddress() > placement.limit()) {
      long from = Math.max(image.lowestAddress(), placement.limit());
      throw new ImageDoesNotFitException(image.lowestAddress(), image.endAddress(), String.format(
          "(%d bytes) does not fit 0x%08X-0x%08X, the range %s allows: %d bytes from 0x%08X"
              + " on would be left out", image.size(), placement.base(), placement.limit() - 1,
          placement.limitOption(), image.endAddress() - from, from), ImageCheck.memoryMap(device),
          false);
    }
  }
}
