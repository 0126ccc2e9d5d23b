package org.romflash.cli.stm32flash;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;

/**
 * Where an stm32flash command line acts on a given device, from {@code -S ADDRESS[:LENGTH]}, {@code
 * -s PAGE} and {@code -e COUNT}. A "page" is what the device erases at once: a page, or a sector
 * on parts with sectors, numbered as the bootloader's erase commands number them.
 */
public final class Ranges {
  private Ranges() {}

  /**
   * Where a write goes and what it may touch.
   *
   * @param base where a raw binary goes, and where a HEX file's data must start when -S or -s
   *     names an address
   * @param limit the first address the data may not reach
   * @param limitOption the option that set the limit, for messages ("" when it is the memory's end)
   * @param erase the units to erase, when the command line says which; empty: those the data
   *     touches
   */
  public record WritePlacement(long base, long limit, String limitOption,
      Optional<List<EraseUnit>> erase) {}

  /** The bytes {@code -r} reads and {@code -C} checks. */
  public static MemoryRegion span(Stm32flashArguments args, Device device) {
    long start = start(args, device);
    long end;
    if (args.length().isPresent()) {
      end = start + args.length().getAsLong();
    } else if (args.startAddress().isPresent()) {
      end = regionOf(start, device).orElseThrow(() -> new Stm32flashUsageException(String.format(
          "-S 0x%08X is in none of the device's memories: give a length (-S ADDRESS:LENGTH)",
          start))).end();
    } else if (args.erasePages().orElse(0) > 0) {
      end = lastUnit(args, device).end();
    } else {
      end = device.flashRegion().end();
    }
    return new MemoryRegion(start, end - start);
  }

  /** The units {@code -o} erases: all of them without -S, -s or -e. */
  public static List<EraseUnit> eraseOnly(Stm32flashArguments args, Device device) {
    List<EraseUnit> units = device.flash().units();
    if (args.startAddress().isPresent()) {
      long start = args.startAddress().getAsLong();
      long end = args.length().isPresent() ? start + args.length().getAsLong()
          : device.flashRegion().end();
      if (!device.flash().contains(start, end - start)) {
        throw new Stm32flashUsageException(String.format("-S: 0x%08X-0x%08X is not all flash (%s)",
            start, end - 1, device.flashRegion()));
      }
      List<EraseUnit> covering = device.flash().unitsCovering(start, end - start);
      EraseUnit first = covering.get(0);
      EraseUnit last = covering.get(covering.size() - 1);
      if (first.address() != start || last.end() != end) {
        throw new Stm32flashUsageException(String.format("-S: erasing works on whole pages, and"
            + " 0x%08X-0x%08X is not; the pages it touches are 0x%08X-0x%08X", start, end - 1,
            first.address(), last.end() - 1));
      }
      return covering;
    }
    if (args.erasePages().isPresent() && args.erasePages().getAsInt() == 0) {
      throw new Stm32flashUsageException("-o -e 0 erases nothing: give a page count, or leave -e"
          + " out");
    }
    int first = args.startPage().orElse(0);
    int last = args.erasePages().isPresent() ? lastUnit(args, device).number()
        : units.get(units.size() - 1).number();
    unit(first, device);
    return units.stream().filter(u -> u.number() >= first && u.number() <= last).toList();
  }

  /** Where {@code -w} puts the data and what it erases. */
  public static WritePlacement write(Stm32flashArguments args, Device device) {
    long base = start(args, device);
    int pages = args.erasePages().orElse(-1);
    if (args.length().isPresent()) {
      long end = base + args.length().getAsLong();
      List<EraseUnit> covering = device.flash().unitsCovering(base, end - base);
      return new WritePlacement(base, end, String.format("-S 0x%08X:%d", base,
          args.length().getAsLong()), Optional.of(covering));
    }
    if (pages > 0) {
      int first = args.startPage().orElse(0);
      EraseUnit last = lastUnit(args, device);
      List<EraseUnit> units = device.flash().units().stream()
          .filter(u -> u.number() >= first && u.number() <= last.number()).toList();
      return new WritePlacement(base, last.end(), "-e " + pages, Optional.of(units));
    }
    long end = regionOf(base, device).map(MemoryRegion::end).orElse(base);
    Optional<List<EraseUnit>> erase = pages == 0 ? Optional.of(List.of()) : Optional.empty();
    return new WritePlacement(base, end, "", erase);
  }

  private static long start(Stm32flashArguments args, Device device) {
    if (args.startAddress().isPresent()) {
      long address = args.startAddress().getAsLong();
      return address == 0 ? device.flash().base() : address;
    }
    return unit(args.startPage().orElse(0), device).address();
  }

  private static EraseUnit lastUnit(Stm32flashArguments args, Device device) {
    int first = args.startPage().orElse(0);
    int count = args.erasePages().getAsInt();
    int last = first + count - 1;
    return device.flash().unit(last).orElseThrow(() -> new Stm32flashUsageException(
        "-e " + count + (first > 0 ? " from page " + first : "") + " runs past the last page ("
            + lastNumber(device) + ") of the " + device.flash().size() / 1024 + " KiB flash"));
  }

  private static EraseUnit unit(int number, Device device) {
    return device.flash().unit(number).orElseThrow(() -> new Stm32flashUsageException("-s "
        + number + ": the flash has pages 0 to " + lastNumber(device)));
  }

  private static int lastNumber(Device device) {
    List<EraseUnit> units = device.flash().units();
    return units.get(units.size() - 1).number();
  }

  private static Optional<MemoryRegion> regionOf(long address, Device device) {
    List<MemoryRegion> regions = new ArrayList<>();
    regions.add(device.flashRegion());
    regions.addAll(device.ramRegions());
    Stream.of(Optional.of(device.optionBytes()), Optional.of(device.systemMemory()),
        device.eeprom(), device.otp()).flatMap(Optional::stream).forEach(regions::add);
    return regions.stream().filter(r -> r.contains(address)).findFirst();
  }
}
