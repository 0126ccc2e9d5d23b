package org.romflash.cli.stm32flash;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Splits an argument list the way POSIX getopt with GNU argument permutation does: single-letter
 * options, flags clustered behind one dash ({@code -vR}), an option's value attached ({@code
 * -b115200}) or in the next argument ({@code -b 115200}), operands anywhere, and {@code --} ending
 * the options. A lone {@code -} is an operand, or the value of an option that takes one.
 */
final class ArgumentScanner {
  private final String withValues;
  private final String flags;

  /**
   * @param withValues the letters of options that take a value
   * @param flags the letters of options that take none
   */
  ArgumentScanner(String withValues, String flags) {
    this.withValues = withValues;
    this.flags = flags;
  }

  /**
   * Calls {@code option} with each option letter and its value (null for flags), in order, and
   * returns the operands.
   *
   * @throws Stm32flashUsageException for an unknown option or a missing value
   */
  List<String> scan(List<String> args, BiConsumer<Character, String> option) {
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        operands.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!arg.startsWith("-") || arg.length() == 1) {
        operands.add(arg);
        continue;
      }
      for (int k = 1; k < arg.length(); k++) {
        char letter = arg.charAt(k);
        if (withValues.indexOf(letter) >= 0) {
          String value = arg.substring(k + 1);
          if (value.isEmpty()) {
            if (i + 1 >= args.size()) {
              throw new Stm32flashUsageException("option -" + letter + " needs a value");
            }
            value = args.get(++i);
          }
          option.accept(letter, value);
          break;
        }
        if (flags.indexOf(letter) < 0) {
          throw new Stm32flashUsageException("unknown option -" + letter
              + (arg.startsWith("--") ? " (in '" + arg + "': stm32flash has no long options)"
                  : ""));
        }
        option.accept(letter, null);
      }
    }
    return operands;
  }
}
