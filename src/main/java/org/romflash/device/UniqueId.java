package org.romflash.device;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A chip's 96-bit unique ID, as read from its {@link Device#uidAddress()}: the bytes as they lie in
 * memory, printed the way the reference manuals print it (three 32-bit words, most significant
 * first: {@code 0673FF52-48517267-87153729}). Factory journals key units by it.
 */
public record UniqueId(byte[] bytes) {
  public static final int LENGTH = 12;

  public UniqueId {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a unique ID is 12 bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** Parses {@link #toString()}'s form (dashes optional). */
  public static UniqueId parse(String text) {
    String hex = text.replace("-", "").trim();
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("'" + text + "' is not a 96-bit unique ID (24 hex digits,"
          + " e.g. 0673FF52-48517267-87153729)");
    }
    byte[] words = HexFormat.of().parseHex(hex);
    byte[] memory = new byte[LENGTH];
    for (int word = 0; word < 3; word++) {
      for (int i = 0; i < 4; i++) {
        memory[word * 4 + i] = words[(2 - word) * 4 + (3 - i)];
      }
    }
    return new UniqueId(memory);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int word = 2; word >= 0; word--) {
      for (int i = 3; i >= 0; i--) {
        text.append(String.format("%02X", bytes[word * 4 + i]));
      }
      text.append(word > 0 ? "-" : "");
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UniqueId u && Arrays.equals(bytes, u.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
