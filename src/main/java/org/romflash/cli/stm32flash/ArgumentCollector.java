package org.romflash.cli.stm32flash;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.romflash.link.Parity;

/** Gathers options one by one into {@link Stm32flashArguments}, checking each as it comes. */
final class ArgumentCollector {
  private static final ArgumentScanner SCANNER =
      new ArgumentScanner("abmrwengsSFi", "vjkfcChuoR");

  private final Set<Action> actions = EnumSet.noneOf(Action.class);
  private boolean help;
  private String file;
  private int baud = 57600;
  private Parity parity = Parity.EVEN;
  private boolean verify;
  private boolean forceBinary;
  private OptionalInt erasePages = OptionalInt.empty();
  private OptionalInt startPage = OptionalInt.empty();
  private OptionalLong startAddress = OptionalLong.empty();
  private OptionalLong length = OptionalLong.empty();
  private OptionalLong go = OptionalLong.empty();
  private int retries = 10;
  private int rxFrame = 256;
  private int txFrame = 256;
  private boolean resume;
  private boolean reset;
  private String gpio;

  Optional<Stm32flashArguments> collect(List<String> args) {
    List<String> operands = SCANNER.scan(args, this::option);
    if (help) {
      return Optional.empty();
    }
    if (operands.isEmpty()) {
      throw new Stm32flashUsageException("no device given: name the serial port (or"
          + " tcp://HOST:PORT, sim:NAME) as the last argument");
    }
    if (operands.size() > 1) {
      throw new Stm32flashUsageException("one device only, not " + String.join(" and ", operands));
    }
    if (verify && !actions.contains(Action.WRITE)) {
      throw new Stm32flashUsageException("-v verifies a write: it needs -w");
    }
    if (go.isPresent() && reset) {
      throw new Stm32flashUsageException("-g starts the program, after which the bootloader no"
          + " longer answers, so -R cannot reset the chip: use one or the other");
    }
    Action action = actions.isEmpty() ? Action.INFO : actions.iterator().next();
    return Optional.of(new Stm32flashArguments(operands.get(0), action, Optional.ofNullable(file),
        baud, parity, verify, forceBinary, erasePages, startPage, startAddress, length, go,
        retries, rxFrame, txFrame, resume, reset, Optional.ofNullable(gpio)));
  }

  private void option(char letter, String value) {
    switch (letter) {
      case 'h' -> help = true;
      case 'b' -> baud = baud(value);
      case 'm' -> parity = mode(value);
      case 'r' -> fileAction(Action.READ, value);
      case 'w' -> fileAction(Action.WRITE, value);
      case 'C' -> action(Action.CRC);
      case 'u' -> action(Action.WRITE_UNPROTECT);
      case 'j' -> action(Action.READ_PROTECT);
      case 'k' -> action(Action.READ_UNPROTECT);
      case 'o' -> action(Action.ERASE);
      case 'v' -> verify = true;
      case 'f' -> forceBinary = true;
      case 'c' -> resume = true;
      case 'R' -> reset = true;
      case 'e' -> erasePages(value);
      case 's' -> startPage(value);
      case 'S' -> startAddress(value);
      case 'g' -> go(value);
      case 'n' -> retries = (int) Math.min(1000, CNumber.parse("-n", value));
      case 'F' -> frames(value);
      case 'i' -> gpio = value;
      case 'a' -> throw new Stm32flashUsageException("-a (I2C bus address) is not supported:"
          + " romflash talks to the bootloader over a serial line only");
      default -> throw new IllegalStateException("scanner accepted -" + letter);
    }
  }

  private static int baud(String value) {
    long rate = CNumber.parse("-b", value);
    if (!Stm32flashArguments.BAUD_RATES.contains((int) rate)) {
      throw new Stm32flashUsageException("-b " + value + " is not a baud rate stm32flash accepts ("
          + Stm32flashArguments.BAUD_RATES + ")");
    }
    return (int) rate;
  }

  private static Parity mode(String value) {
    if (!value.matches("[5-8][neoNEO][12]")) {
      throw new Stm32flashUsageException("-m " + value + " is not a serial mode: data bits, parity"
          + " and stop bits, such as 8e1");
    }
    if (value.charAt(0) != '8' || value.charAt(2) != '1') {
      throw new Stm32flashUsageException("-m " + value + ": romflash supports 8 data bits and 1"
          + " stop bit only (the STM32 bootloader uses 8e1)");
    }
    return switch (Character.toLowerCase(value.charAt(1))) {
      case 'n' -> Parity.NONE;
      case 'o' -> Parity.ODD;
      default -> Parity.EVEN;
    };
  }

  private void fileAction(Action action, String value) {
    action(action);
    file = value;
  }

  private void action(Action action) {
    actions.add(action);
    if (actions.size() > 1) {
      List<String> both = actions.stream().map(Action::description).toList();
      throw new Stm32flashUsageException("cannot " + String.join(" and ", both) + " in one run");
    }
  }

  private void erasePages(String value) {
    if (startAddress.isPresent()) {
      throw exclusive();
    }
    long pages = CNumber.parse("-e", value);
    if (pages > 0xFFFF) {
      throw new Stm32flashUsageException("-e " + value + ": at most 65535 pages");
    }
    erasePages = OptionalInt.of((int) pages);
  }

  private void startPage(String value) {
    if (startAddress.isPresent()) {
      throw exclusive();
    }
    long page = CNumber.parse("-s", value);
    if (page > 0xFFFF) {
      throw new Stm32flashUsageException("-s " + value + ": no device has that many pages");
    }
    startPage = OptionalInt.of((int) page);
  }

  private void startAddress(String value) {
    if (startPage.isPresent() || erasePages.isPresent()) {
      throw exclusive();
    }
    int colon = value.indexOf(':');
    String address = colon < 0 ? value : value.substring(0, colon);
    startAddress = OptionalLong.of(CNumber.parse("-S", address));
    if (colon >= 0) {
      long bytes = CNumber.parse("-S", value.substring(colon + 1));
      if (bytes == 0) {
        throw new Stm32flashUsageException("-S " + value + ": the length cannot be 0");
      }
      length = OptionalLong.of(bytes);
    }
  }

  private static Stm32flashUsageException exclusive() {
    return new Stm32flashUsageException("-S (an address range) cannot be combined with -s or -e"
        + " (a page range): use one of them");
  }

  private void go(String value) {
    long address = CNumber.parse("-g", value);
    if (address % 4 != 0) {
      throw new Stm32flashUsageException(String.format("-g 0x%08X: the address must be a multiple"
          + " of 4 (the start of a vector table)", address));
    }
    go = OptionalLong.of(address);
  }

  private void frames(String value) {
    int colon = value.indexOf(':');
    long rx = CNumber.parse("-F", colon < 0 ? value : value.substring(0, colon));
    long tx = colon < 0 ? txFrame : CNumber.parse("-F", value.substring(colon + 1));
    if (rx < Stm32flashArguments.MIN_RX_FRAME || tx < Stm32flashArguments.MIN_TX_FRAME) {
      throw new Stm32flashUsageException("-F " + value + ": frames must be at least "
          + Stm32flashArguments.MIN_RX_FRAME + " bytes (RX) and " + Stm32flashArguments.MIN_TX_FRAME
          + " bytes (TX)");
    }
    rxFrame = (int) Math.min(rx, 1 << 16);
    txFrame = (int) Math.min(tx, 1 << 16);
  }
}
