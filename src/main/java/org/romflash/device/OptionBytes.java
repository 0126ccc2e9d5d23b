package org.romflash.device;

import java.util.List;
import java.util.Optional;

/**
 * Where a device keeps its option bytes, and the fields in them that romflash knows by name (at
 * least read protection and the boot selection).
 *
 * @param bootByPinsOnly true when no option bit takes part in choosing the boot memory (BOOT0 and
 *     BOOT1 pins alone, as on the F1 and F4)
 */
public record OptionBytes(MemoryRegion region, List<OptionField> fields, boolean bootByPinsOnly) {

  public OptionBytes {
    fields = List.copyOf(fields);
  }

  /** The field called {@code name}, ignoring case. */
  public Optional<OptionField> field(String name) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }
}
