package org.romflash.cli.stm32flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.romflash.link.Parity;

class Stm32flashArgumentsTest {

  private static Stm32flashArguments parse(String line) {
    return Stm32flashArguments.parse(List.of(line.split(" +"))).orElseThrow();
  }

  private static String refusal(String line) {
    return assertThrows(Stm32flashUsageException.class,
        () -> Stm32flashArguments.parse(line.isEmpty() ? List.of() : List.of(line.split(" +"))))
        .getMessage();
  }

  @Test
  void noOptionsMeansIdentifyAt57600Baud8e1WithTenRetries() {
    assertEquals(new Stm32flashArguments("/dev/ttyUSB0", Action.INFO, Optional.empty(), 57600,
        Parity.EVEN, false, false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(),
        OptionalLong.empty(), OptionalLong.empty(), 10, 256, 256, false, false, Optional.empty()),
        parse("/dev/ttyUSB0"));
  }

  @Test
  void aGpioSequenceIsKeptForTheLineOptions() {
    assertEquals(Optional.of("rts,-dtr:-rts"), parse("-i rts,-dtr:-rts -w fw.bin tty").gpio());
  }

  @Test
  void aValueMayBeAttachedOrSeparateAndFlagsMayBeClustered() {
    Stm32flashArguments attached = parse("-b115200 -m8n1 -vRw fw.bin -S0x08000400:1024 tty");
    Stm32flashArguments separate = parse("-b 115200 -m 8n1 -v -R -w fw.bin -S 0x08000400:1024 tty");
    assertEquals(separate, attached);
    assertEquals(115200, attached.baud());
    assertEquals(Parity.NONE, attached.parity());
    assertEquals(Action.WRITE, attached.action());
    assertEquals(Optional.of("fw.bin"), attached.file());
    assertEquals(OptionalLong.of(0x08000400), attached.startAddress());
    assertEquals(OptionalLong.of(1024), attached.length());
    assertTrue(attached.verify() && attached.reset());
  }

  @Test
  void theDeviceMayComeBeforeTheOptionsAndDoubleDashEndsThem() {
    assertEquals(parse("-r out.bin /dev/ttyS0"), parse("/dev/ttyS0 -r out.bin"));
    assertEquals("-weird", Stm32flashArguments.parse(List.of("-k", "--", "-weird")).orElseThrow()
        .device());
  }

  @Test
  void aLoneDashIsTheValueOfReadAndWrite() {
    assertEquals(Optional.of("-"), parse("-r - -S 0x1000:100 tty").file());
  }

  @Test
  void numbersAreReadAsCReadsThem() {
    Stm32flashArguments args = parse("-g 0x08000100 -s 010 -e 0 -n 3 -F 64:32 tty");
    assertEquals(OptionalLong.of(0x08000100), args.go());
    assertEquals(OptionalInt.of(8), args.startPage());
    assertEquals(OptionalInt.of(0), args.erasePages());
    assertEquals(3, args.retries());
    assertEquals(64, args.readChunk());
    assertEquals(28, args.writeChunk());
  }

  @Test
  void helpWinsWhereverItIs() {
    assertEquals(Optional.empty(), Stm32flashArguments.parse(List.of("-v", "-h")));
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(delimiter = '|', value = {
      "-x tty | unknown option -x",
      "--help tty | unknown option -- (in '--help': stm32flash has no long options)",
      "-b | option -b needs a value",
      "'' | no device given: name the serial port (or tcp://HOST:PORT, sim:NAME) as the last"
          + " argument",
      "-o tty1 tty2 | one device only, not tty1 and tty2",
      "-v tty | -v verifies a write: it needs -w",
      "-r a -w b tty | cannot read (-r) and write (-w) in one run",
      "-j -k tty | cannot set read-out protection (-j) and remove read-out protection (-k) in one"
          + " run",
      "-C -o tty | cannot erase only (-o) and compute a CRC (-C) in one run",
      "-S 0x08000000 -e 2 tty | -S (an address range) cannot be combined with -s or -e (a page"
          + " range): use one of them",
      "-s 1 -S 0x08000000 tty | -S (an address range) cannot be combined with -s or -e (a page"
          + " range): use one of them",
      "-S 0x08000000:0 tty | -S 0x08000000:0: the length cannot be 0",
      "-S 0x0800_0000 tty | option -S: '0x0800_0000' is not a 32-bit number (decimal, 0x hex, or"
          + " 0-prefixed octal)",
      "-g 0x08000002 tty | -g 0x08000002: the address must be a multiple of 4 (the start of a"
          + " vector table)",
      "-b 12345 tty | -b 12345 is not a baud rate stm32flash accepts ([1200, 1800, 2400, 4800,"
          + " 9600, 14400, 19200, 38400, 56000, 57600, 115200, 128000, 230400, 256000, 460800,"
          + " 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000,"
          + " 3500000, 4000000])",
      "-m 9x1 tty | -m 9x1 is not a serial mode: data bits, parity and stop bits, such as 8e1",
      "-m 7e1 tty | -m 7e1: romflash supports 8 data bits and 1 stop bit only (the STM32"
          + " bootloader uses 8e1)",
      "-F 10 tty | -F 10: frames must be at least 20 bytes (RX) and 6 bytes (TX)",
      "-g 0 -R tty | -g starts the program, after which the bootloader no longer answers, so -R"
          + " cannot reset the chip: use one or the other",
      "-a 0x39 tty | -a (I2C bus address) is not supported: romflash talks to the bootloader over"
          + " a serial line only"})
  void refusesWithAMessageNamingTheOption(String line, String message) {
    assertEquals(message, refusal(line));
  }
}
