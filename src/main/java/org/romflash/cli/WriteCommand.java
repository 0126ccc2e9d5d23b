package org.romflash.cli;

import org.romflash.flash.EraseMode;
import org.romflash.flash.FlashPlan;
import org.romflash.flash.Flasher;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;
import org.romflash.flash.WrongDeviceException;
import org.romflash.device.MemoryRegion;
import org.romflash.image.FirmwareImage;
import org.romflash.image.ImageFormatException;
import org.romflash.image.Segment;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code romflash write}: erase what the image touches, write it, verify it. */
@CommandLine.Command(name = "write", mixinStandardHelpOptions = true,
    description = {"Write an image: erase only the pages or sectors it touches, write, verify.",
        "Exits 0 only when the chip was verified to hold the image."})
final class WriteCommand extends SessionCommand {
  @Mixin ImageOptions image;

  @Option(names = "--erase", paramLabel = "touched|mass|none", defaultValue = "touched",
      description = "What to erase first (default: ${DEFAULT-VALUE}).")
  EraseMode erase;

  @Option(names = "--verify", paramLabel = "auto|crc|readback|none", defaultValue = "auto",
      description = "How to verify (default: auto = CRC computed by the chip: Get Checksum, or on"
          + " bootloaders without it romflash's RAM routine; read back when neither can be used)."
          + " readback never runs code on the chip.")
  VerifyMode verify;

  @Option(names = "--device", paramLabel = "NAME",
      description = "Refuse to write unless the chip is this device (e.g. F103xB).")
  String expectedDevice;

  @Option(names = "--skip-option-bytes", description = "Leave out the image's option-byte data"
      + " (some toolchains put it in HEX files) and write the rest. Without it such an image is"
      + " refused: option bytes are never written from an image.")
  boolean skipOptionBytes;

  @Option(names = "--unprotect", paramLabel = "readout|write",
      description = "First remove this protection: readout ERASES THE WHOLE FLASH (needs --yes),"
          + " write lifts write protection. Both reset the chip; romflash reconnects.")
  UnprotectCommand.Kind unprotect;

  @Option(names = "--yes", description = "Confirm --unprotect readout, --set-option and"
      + " --keep-bootloader-access.")
  boolean yes;

  @Mixin AfterWriteOptions after;

  @Override
  ExitCode run(Session session) throws Exception {
    if (expectedDevice != null && !session.device().answersTo(expectedDevice)) {
      throw new WrongDeviceException("the chip is STM32" + session.device().name() + " ("
          + session.device().pidText() + "), not " + expectedDevice);
    }
    if (unprotect != null) {
      UnprotectCommand.remove(session, unprotect, this::say);
    }
    FirmwareImage firmware = image.read(session.device());
    if (skipOptionBytes) {
      firmware = withoutOptionBytes(firmware, session.device().optionBytes());
      if (firmware.isEmpty()) {
        throw new ImageFormatException(image.file.toString(), 0, "holds nothing but option-byte"
            + " data, which --skip-option-bytes leaves out: there is nothing to write");
      }
    }
    FlashPlan plan = FlashPlan.of(firmware, session.device(), erase, verify,
        session.flash().writeBlockSize());
    session.useRamRoutine(verify != VerifyMode.READBACK);
    Flasher.Report report = new Flasher(session.flash(), progress()).execute(plan);
    say(summary(firmware, report));
    this.report.result().put("file", image.file.toString()).put("bytes", firmware.size())
        .put("segments", firmware.segments().size()).put("units_erased", report.unitsErased())
        .put("mass_erased", report.massErased()).put("units_matching", report.unitsMatching())
        .put("units_blank", report.unitsBlank())
        .put("verified_by", report.verify() instanceof VerifyResult.Match m
            ? m.method().name().toLowerCase(java.util.Locale.ROOT) : "none")
        .put("erase_ms", report.eraseTime().toMillis()).put("write_ms", report.writeTime().toMillis())
        .put("verify_ms", report.verifyTime().toMillis());
    after.run(session, firmware, yes, this::say, spec);
    return ExitCode.OK;
  }

  @Override
  void checkArguments() {
    if (unprotect == UnprotectCommand.Kind.readout && !yes) {
      throw new ConfirmationMissingException("--unprotect readout mass-erases the chip before"
          + " writing: every byte of flash is lost", "--yes");
    }
    after.check(spec, yes);
  }

  private FirmwareImage withoutOptionBytes(FirmwareImage firmware, MemoryRegion options) {
    FirmwareImage.Builder kept = FirmwareImage.builder();
    firmware.startAddress().ifPresent(kept::startAddress);
    for (Segment s : firmware.segments()) {
      if (options.contains(s.address(), s.length())) {
        say(String.format("skipped %d bytes of option-byte data at 0x%08X (--skip-option-bytes)",
            s.length(), s.address()));
      } else {
        kept.add(s.address(), s.data());
      }
    }
    return kept.build();
  }

  private static String summary(FirmwareImage firmware, Flasher.Report report) {
    String erased = report.massErased() ? "mass erase" : report.unitsErased() + " units erased"
        + (report.unitsMatching() > 0 ? ", " + report.unitsMatching() + " already matched" : "")
        + (report.unitsBlank() > 0 ? ", " + report.unitsBlank() + " already blank" : "");
    String verified = report.verify() instanceof VerifyResult.Match m
        ? "verified by " + m.method().name().toLowerCase(java.util.Locale.ROOT)
        : "NOT verified (--verify none)";
    return String.format("wrote %d bytes (%d segments, %s), %s", firmware.size(),
        firmware.segments().size(), erased, verified);
  }
}
