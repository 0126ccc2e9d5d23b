package org.romflash.device;

import java.util.List;
import java.util.Optional;

/**
 * Where a device keeps its option bytes, the fields in them that romflash knows by name (at least
 * read protection and the boot selection), and how the chip checks and reads them.
 *
 * @param bootByPinsOnly true when no option bit takes part in choosing the boot memory (BOOT0 and
 *     BOOT1 pins alone, as on the F1 and F4)
 * @param complement how the stored option bytes carry their complements
 * @param rdpOpen the RDP field's value for "no read protection" (0xAA on most parts, 0xA5 on F1)
 * @param rdpPermanent the RDP values that lock the chip for good (level 2, 0xCC); empty where the
 *     part has no such level
 */
public record OptionBytes(MemoryRegion region, List<OptionField> fields, boolean bootByPinsOnly,
    Complement complement, int rdpOpen, List<Integer> rdpPermanent) {

  /** How each option value is stored with its complement, which the chip checks at load. */
  public enum Complement {
    /** Values are stored as they are (F2/F4/F7, G0, G4, L4, H7 and newer). */
    NONE,
    /** Each byte is followed by its complement in a 16-bit half-word (F0, F1, F3). */
    BYTE,
    /** Each 16-bit value is followed by its complement in a 32-bit word (L0, L1). */
    HALF_WORD
  }

  public OptionBytes {
    fields = List.copyOf(fields);
    rdpPermanent = List.copyOf(rdpPermanent);
  }

  /** Option bytes with the usual encoding: no complements, RDP 0xAA open and 0xCC permanent. */
  public OptionBytes(MemoryRegion region, List<OptionField> fields, boolean bootByPinsOnly) {
    this(region, fields, bootByPinsOnly, Complement.NONE, 0xAA, List.of(0xCC));
  }

  /** The field called {@code name}, ignoring case. */
  public Optional<OptionField> field(String name) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The read-protection level an RDP field value means: 0, 1, or 2 (permanent). */
  public int rdpLevel(int value) {
    if (value == rdpOpen) {
      return 0;
    }
    return rdpPermanent.contains(value) ? 2 : 1;
  }
}
