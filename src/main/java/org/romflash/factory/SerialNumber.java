package org.romflash.factory;

import java.util.OptionalLong;

/**
 * A unit's serial number: its text as people read it (and the journal records it), its number
 * when it came from a counter or is an integer, and the bytes written to the chip.
 */
public record SerialNumber(String text, OptionalLong number, byte[] bytes) {
  public SerialNumber {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
