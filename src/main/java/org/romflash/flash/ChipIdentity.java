package org.romflash.flash;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.romflash.device.Device;
import org.romflash.protocol.NackException;

/**
 * Which database entry a connected chip is, and how much flash it really has. A product ID can
 * cover chips with different bootloaders (AN2606 tells them apart by a bootloader ID byte in system
 * memory), and one entry covers parts with different flash sizes (the flash-size register says
 * which). Both are read with Read Memory, which read protection refuses: then the entry's own
 * values are assumed and a note says so.
 *
 * @param entry the database entry, with the entry's full flash
 * @param device the entry as this chip: flash limited to what the flash-size register reports
 * @param flashSizeKib the register's value, when it could be read
 * @param notes what was assumed and why, for the user
 */
public record ChipIdentity(Device entry, Device device, Optional<Integer> flashSizeKib,
    List<String> notes) {

  public ChipIdentity {
    notes = List.copyOf(notes);
  }

  /** Reads memory, retrying as the caller's transfers do; a refusal is a {@link NackException}. */
  @FunctionalInterface
  public interface MemoryReader {
    byte[] read(long address, int length);
  }

  /**
   * Picks the entry among {@code candidates} (the entries with the chip's product ID, at least
   * one) and reads its flash-size register.
   */
  public static ChipIdentity identify(MemoryReader client, List<Device> candidates) {
    List<String> notes = new ArrayList<>();
    Device entry = choose(client, candidates, notes);
    Optional<Integer> kib = readFlashSize(client, entry, notes);
    Device device = entry;
    if (kib.isPresent()) {
      long bytes = kib.get() * 1024L;
      if (bytes > entry.flash().size()) {
        notes.add(String.format("the flash-size register reports %d KiB, more than the %d KiB the"
            + " %s entry describes; only those %d KiB are used", kib.get(),
            entry.flash().size() / 1024, entry.name(), entry.flash().size() / 1024));
      } else {
        device = entry.withFlashSize(bytes);
      }
    }
    return new ChipIdentity(entry, device, kib, notes);
  }

  private static Device choose(MemoryReader client, List<Device> candidates,
      List<String> notes) {
    Device first = candidates.get(0);
    if (candidates.size() == 1) {
      return first;
    }
    long address = first.bootloader().idAddress();
    try {
      int id = client.read(address, 1)[0] & 0xFF;
      for (Device d : candidates) {
        if (d.bootloader().id().orElse(-1) == id) {
          return d;
        }
      }
      notes.add(String.format("bootloader ID 0x%02X at 0x%08X matches no entry for %s; assuming"
          + " %s", id, address, first.pidText(), first.name()));
    } catch (NackException e) {
      notes.add(String.format("the bootloader ID at 0x%08X cannot be read (read protection?);"
          + " assuming %s of %s", address, first.name(), names(candidates)));
    }
    return first;
  }

  private static Optional<Integer> readFlashSize(MemoryReader client, Device entry,
      List<String> notes) {
    try {
      byte[] raw = client.read(entry.flashSizeRegister(), 2);
      int kib = (raw[0] & 0xFF) | (raw[1] & 0xFF) << 8;
      if (kib == 0 || kib == 0xFFFF) {
        notes.add(String.format("the flash-size register reads 0x%04X; assuming the entry's %d KiB",
            kib, entry.flash().size() / 1024));
        return Optional.empty();
      }
      return Optional.of(kib);
    } catch (NackException e) {
      notes.add(String.format("the flash-size register cannot be read (read protection?);"
          + " assuming the entry's %d KiB", entry.flash().size() / 1024));
      return Optional.empty();
    }
  }

  private static String names(List<Device> candidates) {
    return String.join(", ", candidates.stream().map(Device::name).toList());
  }
}
