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
    return apply(session, changes, false, say);
  }

  /**
   * As {@link #apply(Session, Map, Consumer)}; {@code permanentLockConfirmed} lets a probe's
   * option programmer write RDP level 2 (the caller checked --permanently-lock).
   */
  static boolean apply(Session session, Map<OptionField, Long> changes,
      boolean permanentLockConfirmed, Consumer<String> say) {
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
    org.romflash.swd.stm32.OptionProgrammer probe = session.probeOptions();
    if (probe != null) {
      probe.program(after.bytes(), permanentLockConfirmed);
    } else {
      session.client().writeOptionBytes(d.optionBytes().start(), after.bytes());
    }
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
      if (flashUnreadable(session)) {
        say.accept("read protection is now active, as asked: the chip refuses reads, so the"
            + " option bytes cannot be read back");
        return;
      }
      throw new VerifyFailedException(new VerifyResult.Mismatch(VerifyMode.READBACK, start, 0, 0));
    }
    if (session.probe() != null) {
      readBackFields(session, intended);
      say.accept("option bytes read back after the reset: as written");
      return;
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

  /**
   * Through a probe the controller computes complements and mirrors programmed words, so what
   * must read back is each named field's value, not every byte of the area.
   */
  private static void readBackFields(Session session, OptionImage intended) {
    OptionImage got = OptionBytesReader.read(session);
    for (OptionField field : session.device().options().fields()) {
      if (intended.value(field) != got.value(field)) {
        throw new VerifyFailedException(new VerifyResult.Mismatch(VerifyMode.READBACK,
            field.address(), intended.value(field), got.value(field)));
      }
    }
  }

  /** Whether the chip now refuses to read its flash (through the bootloader, or the probe). */
  private static boolean flashUnreadable(Session session) {
    long base = session.device().flash().base();
    if (session.probe() == null) {
      return session.client().readProtected(base);
    }
    try {
      session.flash().read(base, 4);
      return false;
    } catch (org.romflash.swd.DebugAccessException e) {
      return true;
    }
  }
}
