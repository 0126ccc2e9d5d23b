package org.romflash.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.romflash.device.Device;
import org.romflash.device.OptionField;
import org.romflash.device.OptionImage;
import org.romflash.flash.VerifyFailedException;
import org.romflash.flash.VerifyMode;
import org.romflash.flash.VerifyResult;

/**
 * Changes option-byte fields on a connected chip: read the area, change the fields, recompute the
 * complements, write it with Write Memory (the chip resets to load it), re-synchronise, read back.
 * Shared by {@code option-bytes set} and {@code write --set-option}/{@code --keep-bootloader-access}.
 * The callers check the confirmation flags first.
 */
final class OptionBytesUpdate {
  private OptionBytesUpdate() {}

  /** Applies {@code changes}; returns false when the chip already held them (nothing written). */
  static boolean apply(Session session, Map<OptionField, Long> changes, Consumer<String> say) {
    Device d = session.device();
    OptionImage before = OptionBytesReader.read(session);
    OptionImage after = before;
    for (Map.Entry<OptionField, Long> change : changes.entrySet()) {
      after = after.with(change.getKey(), change.getValue());
    }
    after = after.withComplements();
    if (Arrays.equals(before.bytes(), after.bytes())) {
      say.accept("the option bytes already hold these values; nothing was written");
      return false;
    }
    session.client().writeOptionBytes(d.optionBytes().start(), after.bytes());
    for (OptionField f : changes.keySet()) {
      say.accept(String.format("%s: %s -> %s", f.name(), OptionBytesReader.describe(d, before, f),
          OptionBytesReader.describe(d, after, f)));
    }
    readBack(session, after, say);
    return true;
  }

  /** Reads the area back after the reset; read protection, if just set, refuses that. */
  private static void readBack(Session session, OptionImage intended, Consumer<String> say) {
    long start = session.device().optionBytes().start();
    if (intended.readProtectionLevel() > 0) {
      if (session.client().readProtected(session.device().flash().base())) {
        say.accept("read protection is now active, as asked: the chip refuses reads, so the"
            + " option bytes cannot be read back");
        return;
      }
      throw new VerifyFailedException(new VerifyResult.Mismatch(VerifyMode.READBACK, start, 0, 0));
    }
    byte[] want = intended.bytes();
    byte[] got = OptionBytesReader.read(session).bytes();
    for (int i = 0; i < want.length; i++) {
      if (want[i] != got[i]) {
        throw new VerifyFailedException(new VerifyResult.Mismatch(VerifyMode.READBACK, start + i,
            want[i] & 0xFF, got[i] & 0xFF));
      }
    }
    say.accept("option bytes read back after the reset: as written");
  }
}
