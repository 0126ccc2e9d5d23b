package org.romflash.cli;

import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Parses an option whose address is optional ({@code --go} or {@code --go 0x08000000}): the next
 * argument is taken only when it is a number, so {@code write --go firmware.hex} keeps the file.
 * Without an address the option's value is -1.
 */
final class OptionalAddress implements CommandLine.IParameterConsumer {
  static final long NONE = -1;

  @Override
  public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
    long value = NONE;
    if (!args.isEmpty() && args.peek().matches("(?i)(0x)?[0-9a-f]+[kKmM]?")) {
      value = Numbers.parse(args.pop());
    }
    argSpec.setValue(value);
  }
}
