package org.romflash.cli;

import java.io.IOException;
import org.romflash.device.DeviceFileException;
import org.romflash.factory.Failure;
import org.romflash.factory.ReadProtectedException;
import org.romflash.factory.SerialUnavailableException;
import org.romflash.flash.ChipLostException;
import org.romflash.flash.ImageDoesNotFitException;
import org.romflash.flash.VerifyFailedException;
import org.romflash.flash.WrongDeviceException;
import org.romflash.link.LinkException;
import org.romflash.protocol.CorruptReplyException;
import org.romflash.protocol.NackException;
import org.romflash.protocol.NoReplyException;
import org.romflash.protocol.Stage;
import org.romflash.protocol.UnexpectedReplyException;
import org.romflash.protocol.UnsupportedCommandException;

/**
 * A gang unit's failure as its journal line records it: the {@link Diagnostics} message and hint,
 * and a short error class that scripts and yield statistics can count on.
 */
final class UnitFailures {
  private UnitFailures() {}

  static Failure describe(Throwable failure, String port) {
    Diagnostics.Diagnosis d = Diagnostics.of(failure, port);
    return new Failure(errorClass(failure), d.message(), d.hint());
  }

  /** The error classes, documented in the README's journal section. */
  static String errorClass(Throwable failure) {
    if (failure instanceof ReadProtectedException) {
      return "read-protected";
    }
    if (failure instanceof NoReplyException e) {
      return e.stage() == Stage.SYNC ? "no-answer" : "no-reply";
    }
    if (failure instanceof UnsupportedCommandException) {
      return "unsupported";
    }
    if (failure instanceof NackException) {
      return "nack";
    }
    if (failure instanceof CorruptReplyException || failure instanceof UnexpectedReplyException) {
      return "protocol";
    }
    if (failure instanceof LinkException || failure instanceof IOException) {
      return "link";
    }
    if (failure instanceof ChipLostException) {
      return "chip-lost";
    }
    if (failure instanceof VerifyFailedException) {
      return "verify-mismatch";
    }
    if (failure instanceof ImageDoesNotFitException) {
      return "does-not-fit";
    }
    if (failure instanceof WrongDeviceException) {
      return "wrong-device";
    }
    if (failure instanceof UnknownDeviceException || failure instanceof DeviceFileException) {
      return "unknown-device";
    }
    if (failure instanceof SerialUnavailableException) {
      return "serial";
    }
    if (failure instanceof org.romflash.swd.stm32.FlashControllerException) {
      return "flash-controller";
    }
    if (failure instanceof org.romflash.swd.DebugAccessException
        || failure instanceof org.romflash.swd.dap.DapException) {
      return "probe";
    }
    return "internal";
  }
}
