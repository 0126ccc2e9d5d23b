package org.romflash.swd.stm32;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bits of one controller's status register, by the names its reference manual gives them
 * and what each means, so that an exception names exactly the flags the chip set ("PROGERR",
 * "WRPERR") instead of a hex value the user must decode.
 */
final class StatusFlags {
  private record Flag(int mask, String name, String meaning) {}

  private final List<Flag> flags;

  StatusFlags() {
    this(List.of());
  }

  private StatusFlags(List<Flag> flags) {
    this.flags = List.copyOf(flags);
  }

  /** These flags and one more; add them in bit order. */
  StatusFlags with(int mask, String name, String meaning) {
    List<Flag> more = new ArrayList<>(flags);
    more.add(new Flag(mask, name, meaning));
    return new StatusFlags(more);
  }

  /** These flags and bit {@code bit} called {@code name}, where no meaning is given. */
  StatusFlags bit(int bit, String name) {
    return with(1 << bit, name, name);
  }

  /** All the bits named here. */
  int mask() {
    return flags.stream().mapToInt(Flag::mask).reduce(0, (a, b) -> a | b);
  }

  /** The names of the flags set in {@code status}, in bit order. */
  List<String> names(int status) {
    return flags.stream().filter(f -> (status & f.mask()) != 0).map(Flag::name).toList();
  }

  /** What the flags set in {@code status} mean, joined by "; ". */
  String meanings(int status) {
    return flags.stream().filter(f -> (status & f.mask()) != 0).map(Flag::meaning)
        .collect(Collectors.joining("; "));
  }
}
