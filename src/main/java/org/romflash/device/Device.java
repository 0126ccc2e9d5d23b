package org.romflash.device;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the device database: everything romflash needs to program a chip with this product
 * ID safely.
 *
 * @param pid product ID as Get ID returns it
 * @param name short name used on the command line and in {@code sim:NAME}, such as {@code F103xB}
 * @param title longer description, such as "STM32F10xxx medium-density"
 * @param parts part numbers this entry covers
 * @param family family name (STM32F1, ...)
 * @param source the public documents the facts come from
 * @param programWord bytes programmed at once (2, 4, 8, 16 or 32); writes are aligned to it
 * @param erasedValue the value of erased flash (0xFF; 0x00 on L0/L1)
 * @param ramRegions the RAM blocks; the first holds the bootloader's own RAM
 * @param options the option-byte area and its named fields
 * @param eeprom the data EEPROM, on devices that have one
 * @param otp the one-time-programmable area, on devices that have one
 */
public record Device(
    int pid,
    String name,
    String title,
    List<String> parts,
    String family,
    String source,
    BootloaderProfile bootloader,
    FlashLayout flash,
    int programWord,
    int erasedValue,
    RewritePolicy rewrite,
    long flashSizeRegister,
    List<MemoryRegion> ramRegions,
    MemoryRegion systemMemory,
    OptionBytes options,
    Optional<MemoryRegion> eeprom,
    Optional<MemoryRegion> otp,
    long uidAddress,
    FlashTiming timing,
    Set<Quirk> quirks) {

  public Device {
    parts = List.copyOf(parts);
    ramRegions = List.copyOf(ramRegions);
    quirks = Set.copyOf(quirks);
    if (ramRegions.isEmpty()) {
      throw new IllegalArgumentException(name + ": a device needs RAM");
    }
  }

  /**
   * This entry as a part with {@code bytes} of flash, the size its flash-size register reports;
   * this entry itself when {@code bytes} is not smaller than the entry's flash.
   */
  public Device withFlashSize(long bytes) {
    FlashLayout limited = flash.limitedTo(bytes);
    if (limited == flash) {
      return this;
    }
    return new Device(pid, name, title, parts, family, source, bootloader, limited, programWord,
        erasedValue, rewrite, flashSizeRegister, ramRegions, systemMemory, options, eeprom, otp,
        uidAddress, timing, quirks);
  }

  /** The RAM block the bootloader runs in (the first one). */
  /** Where the bootloader's vector table lies: system memory's start unless the entry says. */
  public long bootloaderVectorTable() {
    return bootloader.vectorTable() != 0 ? bootloader.vectorTable() : systemMemory.start();
  }

  public MemoryRegion ram() {
    return ramRegions.get(0);
  }

  /** The option-byte area. */
  public MemoryRegion optionBytes() {
    return options.region();
  }

  /** The flash as one region. */
  public MemoryRegion flashRegion() {
    return new MemoryRegion(flash.base(), flash.size());
  }

  /** Whether {@code query} names this device, ignoring case and an optional "STM32" prefix. */
  public boolean answersTo(String query) {
    return key(name).equals(key(query));
  }

  private static String key(String text) {
    String upper = text.trim().toUpperCase(java.util.Locale.ROOT);
    return upper.startsWith("STM32") ? upper.substring(5) : upper;
  }

  /** "0x410". */
  public String pidText() {
    return String.format("0x%03X", pid);
  }
}
