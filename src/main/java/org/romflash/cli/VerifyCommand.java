package org.romflash.cli;

import org.romflash.image.Segment;
import java.util.List;
import org.romflash.flash.ImageCheck;
import org.romflash.flash.VerifyFailedException;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;
import org.romflash.flash.Verifier;
import org.romflash.image.FirmwareImage;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** {@code romflash verify}: does the chip hold this image? */
@CommandLine.Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Compare the chip's memory with an image (exit 5 on the first difference).")
final class VerifyCommand extends SessionCommand {
  @Mixin ImageOptions image;

  @CommandLine.Option(names = "--by", paramLabel = "auto|crc|readback", defaultValue = "auto",
      description = "How to compare (default: auto = CRC computed by the chip, with Get Checksum"
          + " or romflash's RAM routine, else read back). readback never runs code on the chip.")
  VerifyMode by;

  @Override
  void checkArguments() {
    if (by == VerifyMode.NONE) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--by none would not verify anything: use auto, crc or readback");
    }
  }

  @Override
  ExitCode run(Session session) throws Exception {
    FirmwareImage firmware = image.read(session.device());
    ImageCheck.check(firmware, session.device());
    List<Segment> ranges = firmware.segments().stream()
        .map(s -> new Segment(s.address(), s.data()))
        .toList();
    session.useRamRoutine(by != VerifyMode.READBACK);
    VerifyResult result = Verifier.verify(session.flash(), ranges, by, progress());
    if (result instanceof VerifyResult.Mismatch mismatch) {
      throw new VerifyFailedException(mismatch);
    }
    say(String.format("the chip holds %s (%d bytes)", image.file, firmware.size()));
    report.result().put("file", image.file.toString()).put("bytes", firmware.size())
        .put("verified_by", ((VerifyResult.Match) result).method().name()
            .toLowerCase(java.util.Locale.ROOT));
    return ExitCode.OK;
  }
}
