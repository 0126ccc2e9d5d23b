package org.romflash.device;

import java.util.Arrays;

/**
 * The bytes of a device's option-byte area, read or about to be written, with its fields by name.
 * Changing a field recomputes the complements the chip checks (F0/F1/F3 bytes, L0/L1 half-words),
 * so a value is never written with a stale complement, which those chips treat as an option-byte
 * error (and load read protection).
 */
public final class OptionImage {
  private final OptionBytes layout;
  private final byte[] bytes;

  public OptionImage(OptionBytes layout, byte[] bytes) {
    if (bytes.length != layout.region().size()) {
      throw new IllegalArgumentException("option bytes are " + layout.region().size()
          + " bytes, not " + bytes.length);
    }
    this.layout = layout;
    this.bytes = bytes.clone();
  }

  /** A chip as it leaves the factory: every bit set, read protection open, complements right. */
  public static OptionImage factory(OptionBytes layout) {
    byte[] ones = new byte[(int) layout.region().size()];
    Arrays.fill(ones, (byte) 0xFF);
    OptionImage image = new OptionImage(layout, ones);
    return layout.field("RDP").map(rdp -> image.with(rdp, layout.rdpOpen())).orElse(image)
        .withComplements();
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public long value(OptionField field) {
    long word = 0;
    for (int i = 0; i < 4; i++) {
      int at = offset(field.address()) + i;
      if (at < bytes.length) {
        word |= (long) (bytes[at] & 0xFF) << (8 * i);
      }
    }
    return field.valueIn(word);
  }

  /** The read-protection level the RDP field holds (0 when the device names no RDP field). */
  public int readProtectionLevel() {
    return layout.field("RDP").map(rdp -> layout.rdpLevel((int) value(rdp))).orElse(0);
  }

  /** This image with {@code field} set to {@code value}; complements are not yet recomputed. */
  public OptionImage with(OptionField field, long value) {
    if (value < 0 || value >= 1L << field.width()) {
      throw new IllegalArgumentException(field.name() + " is " + field.width()
          + (field.width() == 1 ? " bit" : " bits") + " wide: " + value + " does not fit");
    }
    byte[] changed = bytes.clone();
    for (int bit = field.lowBit(); bit <= field.highBit(); bit++) {
      int at = offset(field.address()) + bit / 8;
      int mask = 1 << (bit % 8);
      boolean set = ((value >> (bit - field.lowBit())) & 1) != 0;
      changed[at] = (byte) (set ? changed[at] | mask : changed[at] & ~mask);
    }
    return new OptionImage(layout, changed);
  }

  /** This image with every complement recomputed from its value. */
  public OptionImage withComplements() {
    byte[] fixed = bytes.clone();
    int step = step();
    for (int i = 0; step > 0 && i + step <= fixed.length; i += step) {
      for (int j = 0; j < step / 2; j++) {
        fixed[i + step / 2 + j] = (byte) ~fixed[i + j];
      }
    }
    return new OptionImage(layout, fixed);
  }

  /** Whether every stored complement matches its value (always true without complements). */
  public boolean complementsValid() {
    return Arrays.equals(bytes, withComplements().bytes);
  }

  private int step() {
    return switch (layout.complement()) {
      case NONE -> 0;
      case BYTE -> 2;
      case HALF_WORD -> 4;
    };
  }

  private int offset(long address) {
    return (int) (address - layout.region().start());
  }
}
