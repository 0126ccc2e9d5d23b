package org.romflash.swd.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** The golden files under src/test/resources/gdb. */
final class Goldens {
  private Goldens() {}

  static byte[] bytes(String name) {
    try (InputStream in = Objects.requireNonNull(Goldens.class.getResourceAsStream("/gdb/" + name),
        name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
  }
}
