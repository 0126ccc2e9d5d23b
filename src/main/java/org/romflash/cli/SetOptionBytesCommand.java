package org.romflash.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.romflash.device.Device;
import org.romflash.device.OptionField;
import org.romflash.device.OptionImage;
import org.romflash.flash.VerifyFailedException;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;
import org.romflash.protocol.NackException;
import org.romflash.protocol.Stage;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code romflash option-bytes set NAME=VALUE ...}: reads the option bytes, changes the named
 * fields, recomputes complements, writes the area with Write Memory (the chip resets to load it),
 * reconnects and reads it back.
 */
@CommandLine.Command(name = "set", mixinStandardHelpOptions = true,
    description = {"Change option-byte fields by name (see 'romflash devices NAME' for the list),"
        + " e.g. 'option-bytes set nBOOT0=1 --yes'. Needs --yes; a value that locks the chip for"
        + " good (RDP level 2) also needs --permanently-lock.",
        "The chip resets to load the new values; romflash reconnects and reads them back."})
final class SetOptionBytesCommand extends SessionCommand {
  @Parameters(arity = "1..*", paramLabel = "NAME=VALUE", description = "Fields to change.")
  List<String> assignments;

  @Option(names = "--yes", description = "Confirm the option-byte write.")
  boolean yes;

  @Option(names = "--permanently-lock", description = "Also confirm a value that disables the"
      + " bootloader and debug access for good (RDP level 2). There is no way back.")
  boolean permanentlyLock;

  @Override
  ExitCode run(Session session) {
    Device d = session.device();
    Map<OptionField, Long> changes = parse(d);
    confirm(d, changes);
    OptionImage before = OptionBytesReader.read(session);
    OptionImage after = before;
    for (Map.Entry<OptionField, Long> change : changes.entrySet()) {
      after = after.with(change.getKey(), change.getValue());
    }
    after = after.withComplements();
    if (java.util.Arrays.equals(before.bytes(), after.bytes())) {
      say("the option bytes already hold these values; nothing was written");
      return ExitCode.OK;
    }
    session.client().writeOptionBytes(d.optionBytes().start(), after.bytes());
    for (OptionField f : changes.keySet()) {
      say(String.format("%s: %s -> %s", f.name(), OptionBytesReader.describe(d, before, f),
          OptionBytesReader.describe(d, after, f)));
    }
    readBack(session, after);
    return ExitCode.OK;
  }

  private Map<OptionField, Long> parse(Device d) {
    Map<OptionField, Long> changes = new LinkedHashMap<>();
    for (String assignment : assignments) {
      String[] parts = assignment.split("=", 2);
      OptionField field = parts.length == 2 ? d.options().field(parts[0].trim()).orElse(null)
          : null;
      if (field == null) {
        List<String> known = new ArrayList<>();
        d.options().fields().forEach(f -> known.add(f.name()));
        throw new CommandLine.ParameterException(spec.commandLine(), "'" + assignment + "' does"
            + " not name a field of STM32" + d.name() + "'s option bytes; known: "
            + String.join(", ", known));
      }
      long value = Numbers.parse(parts[1].trim());
      if (value >= 1L << field.width()) {
        throw new CommandLine.ParameterException(spec.commandLine(), String.format(
            "%s is %d bit%s wide: %s does not fit", field.name(), field.width(),
            field.width() == 1 ? "" : "s", parts[1].trim()));
      }
      changes.put(field, value);
    }
    return changes;
  }

  private void confirm(Device d, Map<OptionField, Long> changes) {
    for (Map.Entry<OptionField, Long> change : changes.entrySet()) {
      boolean rdp = change.getKey().name().equalsIgnoreCase("RDP");
      if (rdp && d.options().rdpLevel(change.getValue().intValue()) == 2 && !permanentlyLock) {
        throw new ConfirmationMissingException(String.format("RDP=0x%02X is read-protection level"
            + " 2: the bootloader and the debug port are disabled for good and the chip can never"
            + " be reprogrammed or unlocked", change.getValue()), "--yes --permanently-lock");
      }
    }
    if (!yes) {
      throw new ConfirmationMissingException("writing option bytes changes how the chip boots and"
          + " protects itself, and a wrong value can lock you out", "--yes");
    }
  }

  /** Reads the area back after the reset; read protection, if just set, refuses that. */
  private void readBack(Session session, OptionImage intended) {
    if (intended.readProtectionLevel() > 0) {
      try {
        session.client().readMemory(session.device().flash().base(), 4);
      } catch (NackException e) {
        if (e.stage() == Stage.COMMAND) {
          say("read protection is now active, as asked: the chip refuses reads, so the option bytes"
              + " cannot be read back");
          return;
        }
        throw e;
      }
      throw new VerifyFailedException(new VerifyResult.Mismatch(VerifyMode.READBACK,
          session.device().optionBytes().start(), 0, 0));
    }
    OptionImage actual = OptionBytesReader.read(session);
    byte[] want = intended.bytes();
    byte[] got = actual.bytes();
    for (int i = 0; i < want.length; i++) {
      if (want[i] != got[i]) {
        throw new VerifyFailedException(new VerifyResult.Mismatch(VerifyMode.READBACK,
            session.device().optionBytes().start() + i, want[i] & 0xFF, got[i] & 0xFF));
      }
    }
    say("option bytes read back after the reset: as written");
  }
}
