package org.romflash.swd.stm32;

import java.util.ArrayList;
import java.util.List;

/**
 * A status register's bits by their reference-manual names, so exceptions can list the flags that
 * were set ("PROGERR", "WRPERR") instead of a hex value the user must decode.
 */
final class FlagNames {
  private final String[] names = new String[32];

  /** Names bit {@code bit}. */
  FlagNames name(int bit, String name) {
    names[bit] = name;
    return this;
  }

  /** The names of the bits of {@code mask} set in {@code status}, lowest bit first. */
  List<String> set(int status, int mask) {
    List<String> out = new ArrayList<>();
    for (int bit = 0; bit < 32; bit++) {
      if ((status & mask & (1 << bit)) != 0) {
        out.add(names[bit] != null ? names[bit] : "bit " + bit);
      }
    }
    return out;
  }
}
