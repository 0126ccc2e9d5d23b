package org.romflash.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.romflash.device.DeviceFileException;
import org.romflash.factory.JournalInUseException;
import org.romflash.factory.ReadProtectedException;
import org.romflash.factory.SerialTableException;
import org.romflash.factory.SerialUnavailableException;
import org.romflash.flash.ChipLostException;
import org.romflash.flash.ImageDoesNotFitException;
import org.romflash.flash.VerifyFailedException;
import org.romflash.flash.WrongDeviceException;
import org.romflash.image.ImageFormatException;
import org.romflash.link.LinkException;
import org.romflash.protocol.BootloaderException;
import org.romflash.protocol.Command;
import org.romflash.protocol.CorruptReplyException;
import org.romflash.protocol.NackException;
import org.romflash.protocol.NoReplyException;
import org.romflash.protocol.Stage;
import org.romflash.protocol.UnexpectedReplyException;
import org.romflash.protocol.UnsupportedCommandException;

/**
 * Turns a failure into what the user reads: what happened (the exception's facts), what to check
 * (a hint), and the exit code. The library states facts; advice lives here.
 */
final class Diagnostics {
  private Diagnostics() {}

  /** A failure as the user sees it. */
  record Diagnosis(String message, String hint, ExitCode exitCode) {
    String render() {
      return "error: " + message + (hint.isEmpty() ? "" : System.lineSeparator() + "hint: " + hint);
    }
  }

  static Diagnosis of(Throwable failure, String port) {
    if (failure instanceof BootloaderException e) {
      return bootloader(e, port);
    }
    if (failure instanceof LinkException e) {
      return new Diagnosis(e.getMessage(), linkHint(e), ExitCode.LINK_FAILED);
    }
    if (failure instanceof NotSynchronisedException e) {
      return new Diagnosis(e.getMessage(), "with --no-init the bootloader must already be"
          + " synchronised by an earlier 0x7F (drop --no-init after a reset); otherwise check power"
          + " and wiring", ExitCode.NO_RESPONSE);
    }
    if (failure instanceof ConfirmationMissingException e) {
      return new Diagnosis(e.getMessage(), e.hint(), ExitCode.USAGE);
    }
    if (failure instanceof ImageFormatException e) {
      return new Diagnosis(e.getMessage(), "the file is not a valid firmware image; rebuild it or"
          + " check that the whole file was copied", ExitCode.BAD_INPUT);
    }
    if (failure instanceof ImageDoesNotFitException e && e.inOptionBytes()) {
      return new Diagnosis(e.getMessage(), "write the rest with --skip-option-bytes; change option"
          + " bytes with 'romflash option-bytes set'", ExitCode.DOES_NOT_FIT);
    }
    if (failure instanceof ImageDoesNotFitException e) {
      return new Diagnosis(e.getMessage(), "check that the image was built for this chip (linker"
          + " script origin and size) and that --address is right for a binary", ExitCode.DOES_NOT_FIT);
    }
    if (failure instanceof picocli.CommandLine.TypeConversionException e) {
      return new Diagnosis(e.getMessage(), "'romflash COMMAND --help' describes the options",
          ExitCode.USAGE);
    }
    if (failure instanceof NeedsBootloaderException e) {
      return new Diagnosis(e.getMessage(), "through a probe romflash can write, read, erase and"
          + " verify; for the rest use the bootloader: --via uart --port PORT", ExitCode.USAGE);
    }
    if (failure instanceof org.romflash.swd.DebugAccessException
        || failure instanceof org.romflash.swd.dap.DapException) {
      return new Diagnosis(failure.getMessage(), "check the probe's SWDIO, SWCLK, GND and target"
          + " voltage wiring, that the target is powered, or try --connect-under-reset or a lower"
          + " --swd-clock", ExitCode.NO_RESPONSE);
    }
    if (failure instanceof org.romflash.swd.stm32.FlashControllerException e) {
      return new Diagnosis(e.getMessage(), "the flash controller refused: a write-protected unit"
          + " (WRPRTERR/WRPERR), flash that was not erased (PGERR/PROGERR), or read protection;"
          + " `romflash info --via swd` shows the chip", ExitCode.REFUSED);
    }
    if (failure instanceof ReadProtectedException e) {
      return new Diagnosis(e.getMessage(), "removing read protection erases the whole flash:"
          + " `romflash unprotect readout --yes --port PORT`, then program the board again",
          ExitCode.REFUSED);
    }
    if (failure instanceof SerialUnavailableException e) {
      return new Diagnosis(e.getMessage(), "check --serial-csv and --serial-at; numbers recorded in"
          + " the journal are never given to another unit (--reuse-failed-serials frees those of"
          + " failed units)", ExitCode.BAD_INPUT);
    }
    if (failure instanceof SerialTableException e) {
      return new Diagnosis(e.getMessage(), "each line of the serial table is UID,SERIAL with the"
          + " UID as `romflash info` prints it", ExitCode.BAD_INPUT);
    }
    if (failure instanceof JournalInUseException e) {
      return new Diagnosis(e.getMessage(), "run one station per journal, or give this one its own"
          + " --journal", ExitCode.LINK_FAILED);
    }
    if (failure instanceof java.io.UncheckedIOException e) {
      return new Diagnosis(e.getMessage(), "", ExitCode.LINK_FAILED);
    }
    if (failure instanceof WrongDeviceException e) {
      return new Diagnosis(e.getMessage(), "connect the board the image is for, or drop --device",
          ExitCode.DOES_NOT_FIT);
    }
    if (failure instanceof ChipLostException e) {
      return new Diagnosis(e.getMessage(), "reset the board with BOOT0 high. What was written stays"
          + " written: `romflash verify FILE --by readback` checks it. --verify readback (write) and"
          + " --by readback (verify) never run code on the chip; with reset wiring (--entry,"
          + " --reset-line) romflash resets the chip itself. Please report this chip"
          + " (`romflash info`)", ExitCode.NO_RESPONSE);
    }
    if (failure instanceof VerifyFailedException e) {
      return new Diagnosis(e.getMessage(), "the chip does not hold the image. Write protection"
          + " silently blocks writes on STM32 bootloaders: check it; then erase and write again",
          ExitCode.VERIFY_FAILED);
    }
    if (failure instanceof UnknownDeviceException || failure instanceof DeviceFileException) {
      return new Diagnosis(failure.getMessage(), "add a device file for it in a directory and pass"
          + " --devices DIR (see devices/README.md for the format)", ExitCode.BAD_INPUT);
    }
    if (failure instanceof NoSuchFileException e) {
      return new Diagnosis("no such file: " + e.getFile(), "", ExitCode.BAD_INPUT);
    }
    if (failure instanceof IOException e) {
      return new Diagnosis(e.toString(), "", ExitCode.LINK_FAILED);
    }
    return new Diagnosis(String.valueOf(failure), "this is a bug in romflash; please report it with"
        + " the command line", ExitCode.SOFTWARE);
  }

  private static Diagnosis bootloader(BootloaderException e, String port) {
    if (e instanceof NoReplyException && e.stage() == Stage.SYNC) {
      return new Diagnosis("no reply to 0x7F on " + port + ": the bootloader is not answering",
          "is BOOT0 high at reset (press reset after setting it)? Are TX and RX crossed (adapter TX"
              + " to chip RX, PA10 on USART1)? Is it the bootloader's USART (USART1 PA9/PA10 on"
              + " most parts)? Common ground? Try --baud 57600. A chip with read protection level 2"
              + " never answers.", ExitCode.NO_RESPONSE);
    }
    if (e instanceof NoReplyException) {
      return new Diagnosis(e.getMessage(), "the chip stopped answering mid-command: check power and"
          + " wiring, that nothing resets the chip (DTR/RTS wiring), or try a lower --baud",
          ExitCode.NO_RESPONSE);
    }
    if (e instanceof UnsupportedCommandException) {
      return new Diagnosis(e.getMessage(), "this chip's bootloader cannot do that; `romflash info`"
          + " lists the commands it offers", ExitCode.REFUSED);
    }
    if (e instanceof NackException) {
      return new Diagnosis(e.getMessage(), nackHint(e), ExitCode.REFUSED);
    }
    if (e instanceof CorruptReplyException || e instanceof UnexpectedReplyException) {
      return new Diagnosis(e.getMessage(), "bytes are being corrupted: check the baud rate and"
          + " parity (8E1), cable length and ground, or try a lower --baud", ExitCode.PROTOCOL_ERROR);
    }
    return new Diagnosis(e.getMessage(), "", ExitCode.PROTOCOL_ERROR);
  }

  private static String nackHint(BootloaderException e) {
    Command c = e.command();
    if (e.stage() == Stage.COMMAND && (c == Command.READ_MEMORY || c == Command.WRITE_MEMORY
        || c == Command.GO || c == Command.ERASE || c == Command.EXTENDED_ERASE)) {
      return "read protection (RDP) is probably active: `romflash info` shows it. Removing it"
          + " erases the whole flash: `romflash unprotect readout --yes`";
    }
    if (e.stage() == Stage.ADDRESS) {
      return "the bootloader does not accept that address: it must be in flash or in RAM outside"
          + " the bootloader's own area (`romflash info` shows the memory map)";
    }
    if (c == Command.WRITE_MEMORY && e.stage() == Stage.DATA) {
      return "the flash there is not erased (this family cannot program over data): erase first,"
          + " or write without --erase none";
    }
    return "the bootloader refused the request";
  }

  private static String linkHint(LinkException e) {
    String message = e.getMessage();
    if (message.contains("parity")) {
      return "a pseudo-terminal (or this adapter) cannot carry parity: use --parity none";
    }
    if (message.contains("permission denied")) {
      return "add your user to the group that owns the port (dialout on Debian/Ubuntu) and log in"
          + " again";
    }
    if (message.contains("busy")) {
      return "close the other program using the port (a terminal, ModemManager, another romflash)";
    }
    if (message.contains("does not exist") || message.contains("no such")) {
      return "check the port name (ls /dev/ttyUSB* /dev/ttyACM* on Linux), or use --port"
          + " sim:F103xB for the built-in emulated chip";
    }
    return "check that the adapter is plugged in and the port name is right";
  }
}
