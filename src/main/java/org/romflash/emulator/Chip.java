package org.romflash.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;
import org.romflash.device.OptionBytes;
import org.romflash.device.OptionImage;
import org.romflash.device.RewritePolicy;

/**
 * The state of an emulated chip: memory, read-out protection level and write-protected units. Every
 * operation answers whether silicon would accept it; the bootloader turns a refusal into NACK.
 */
public final class Chip {
  private final Device device;
  private final List<MemoryArea> areas = new ArrayList<>();
  private final MemoryArea flash;
  private final MemoryArea options;
  private final BitSet writeProtected = new BitSet();
  private int readProtectionLevel;
  private int resets;

  public Chip(Device device) {
    this.device = device;
    flash = add(MemoryArea.Kind.FLASH, device.flashRegion(), device.erasedValue());
    device.ramRegions().forEach(ram -> add(MemoryArea.Kind.RAM, ram, 0x00));
    device.eeprom().ifPresent(eeprom -> add(MemoryArea.Kind.RAM, eeprom, device.erasedValue()));
    add(MemoryArea.Kind.SYSTEM, device.systemMemory(), 0x00);
    options = add(MemoryArea.Kind.OPTION_BYTES, device.optionBytes(), 0xFF);
    options.put(device.optionBytes().start(), OptionImage.factory(device.options()).bytes());
    addDeviceInfo();
  }

  public Device device() {
    return device;
  }

  /**
   * Gives the chip another 96-bit unique ID (12 bytes, as they lie in memory), so that several
   * emulated boards can be told apart; a new chip's ID spells "RF" and its device name.
   */
  public void setUniqueId(byte[] uid) {
    if (uid.length != 12) {
      throw new IllegalArgumentException("a unique ID is 12 bytes, not " + uid.length);
    }
    place(device.uidAddress(), uid.clone());
  }

  /** 0 (open), 1 (memory read-out protected) or 2 (bootloader disabled). */
  public int readProtectionLevel() {
    return readProtectionLevel;
  }

  /** Sets the level, and the RDP option field to a value that means it, as the chip would. */
  public void setReadProtectionLevel(int level) {
    if (level < 0 || level > 2) {
      throw new IllegalArgumentException("read protection level must be 0, 1 or 2");
    }
    readProtectionLevel = level;
    OptionBytes layout = device.options();
    layout.field("RDP").ifPresent(rdp -> {
      int value = switch (level) {
        case 0 -> layout.rdpOpen();
        case 1 -> 0xBB;
        default -> layout.rdpPermanent().isEmpty() ? 0xCC : layout.rdpPermanent().get(0);
      };
      options.put(options.region().start(), optionImage().with(rdp, value).withComplements()
          .bytes());
    });
  }

  /** The option bytes as stored. */
  public OptionImage optionImage() {
    return new OptionImage(device.options(),
        options.read(options.region().start(), (int) options.region().size()));
  }

  /**
   * What the chip does when it reloads its option bytes after a write: a complement that does not
   * match is an option-byte error, which loads read protection (F1 behaviour); otherwise the RDP
   * field sets the level.
   */
  private void reloadOptionBytes() {
    OptionImage image = optionImage();
    readProtectionLevel = image.complementsValid() ? image.readProtectionLevel() : 1;
  }

  public boolean readProtected() {
    return readProtectionLevel > 0;
  }

  public boolean writeProtected(int unit) {
    return writeProtected.get(unit);
  }

  public void setWriteProtected(int unit, boolean on) {
    writeProtected.set(unit, on);
  }

  public boolean anyWriteProtected() {
    return !writeProtected.isEmpty();
  }

  /** How many times the chip has reset since it was made. */
  public int resets() {
    return resets;
  }

  void countReset() {
    resets++;
  }

  /** Bytes as the Read Memory command would see them, ignoring protection; empty if unmapped. */
  public Optional<byte[]> peek(long address, int length) {
    return area(address, length).map(a -> a.read(address, length));
  }

  /** Places bytes in flash or RAM directly, as if programmed earlier; for tests and scenarios. */
  public void load(long address, byte[] data) {
    MemoryArea area = area(address, data.length)
        .orElseThrow(() -> new IllegalArgumentException(
            String.format("0x%08X+%d is not mapped", address, data.length)));
    area.put(address, data);
  }

  /** Whether Read Memory may read the range; the bootloader's own RAM is refused (V2.2 on). */
  boolean readable(long address, int length) {
    return area(address, length).isPresent()
        && !device.bootloader().reservedRam().overlaps(address, length);
  }

  /** Whether a Write Memory may start at {@code address} (flash, free RAM or option bytes). */
  boolean writableStart(long address) {
    return area(address, 1).map(a -> writableKind(a, address)).orElse(false);
  }

  /** Whether a Go may jump to {@code address}: flash or RAM. */
  boolean executable(long address) {
    return area(address, 1)
        .map(a -> a.kind() == MemoryArea.Kind.FLASH || a.kind() == MemoryArea.Kind.RAM)
        .orElse(false);
  }

  /** Programs {@code data}; returns what happened so the bootloader can ACK, NACK or reset. */
  WriteOutcome write(long address, byte[] data) {
    Optional<MemoryArea> target = area(address, data.length);
    if (target.isEmpty() || !writableKind(target.get(), address)
        || (target.get().kind() == MemoryArea.Kind.RAM && reservedRamTouched(address, data.length))) {
      return WriteOutcome.REFUSED;
    }
    MemoryArea area = target.get();
    if (area.kind() == MemoryArea.Kind.OPTION_BYTES) {
      area.put(address, data);
      reloadOptionBytes();
      return WriteOutcome.OPTION_BYTES_WRITTEN;
    }
    if (area.kind() == MemoryArea.Kind.FLASH) {
      return programFlash(address, data);
    }
    area.put(address, data);
    return WriteOutcome.WRITTEN;
  }

  private WriteOutcome programFlash(long address, byte[] data) {
    for (EraseUnit unit : device.flash().unitsCovering(address, data.length)) {
      if (writeProtected.get(unit.number())) {
        // AN3155 3.6: no error is returned for writes to write-protected sectors; nothing changes.
        return WriteOutcome.WRITTEN;
      }
    }
    int word = device.programWord();
    long first = address - Math.floorMod(address, word);
    long last = address + data.length;
    last += Math.floorMod(-last, word);
    if (device.rewrite() == RewritePolicy.FORBIDDEN) {
      for (long a = first; a < last; a++) {
        if ((flash.get(a) & 0xFF) != device.erasedValue()) {
          return WriteOutcome.REFUSED;
        }
      }
      flash.put(address, data);
    } else {
      byte[] merged = flash.read(address, data.length);
      for (int i = 0; i < data.length; i++) {
        merged[i] &= data[i];
      }
      flash.put(address, merged);
    }
    return WriteOutcome.WRITTEN;
  }

  /** Programming words (not bytes) that {@code data} occupies; for the timing model. */
  int programWords(int length) {
    return (length + device.programWord() - 1) / device.programWord();
  }

  /**
   * Erases one unit; false if there is no such unit. A write-protected unit is left as it is
   * without an error, as AN3155 3.7 and 3.8 describe.
   */
  boolean eraseUnit(int number) {
    Optional<EraseUnit> unit = device.flash().unit(number);
    if (unit.isEmpty()) {
      return false;
    }
    if (!writeProtected.get(number)) {
      flash.fill(unit.get().address(), unit.get().size(), device.erasedValue());
    }
    return true;
  }

  /** Erases a bank (1 or 2), or all flash for bank 0; false if there is no such bank. */
  boolean eraseBank(int bank) {
    List<EraseUnit> units = device.flash().units().stream()
        .filter(u -> bank == 0 || u.bank() == bank)
        .toList();
    units.forEach(u -> eraseUnit(u.number()));
    return !units.isEmpty();
  }

  /** Bytes in a unit, or in the bank (0 for all flash); for the timing model. */
  long bytesOf(List<Integer> unitNumbers) {
    return unitNumbers.stream()
        .mapToLong(n -> device.flash().unit(n).map(EraseUnit::size).orElse(0L))
        .sum();
  }

  /** What read-out unprotect does: erase all flash regardless of write protection, open the chip. */
  void regressReadProtection() {
    flash.fill(flash.region().start(), flash.region().size(), device.erasedValue());
    writeProtected.clear();
    setReadProtectionLevel(0);
  }

  private boolean writableKind(MemoryArea area, long address) {
    return switch (area.kind()) {
      case FLASH, OPTION_BYTES -> true;
      case RAM -> !device.bootloader().reservedRam().contains(address);
      case SYSTEM, DEVICE_INFO -> false;
    };
  }

  private boolean reservedRamTouched(long address, int length) {
    return device.bootloader().reservedRam().overlaps(address, length);
  }

  private Optional<MemoryArea> area(long address, long length) {
    return areas.stream().filter(a -> a.contains(address, length)).findFirst();
  }

  private MemoryArea add(MemoryArea.Kind kind, MemoryRegion region, int fill) {
    MemoryArea area = new MemoryArea(kind, region, fill);
    areas.add(area);
    return area;
  }

  private void addDeviceInfo() {
    byte[] uid = ("RF" + device.name() + "0000000000").substring(0, 12)
        .getBytes(StandardCharsets.US_ASCII);
    long sizeKib = device.flash().size() / 1024;
    place(device.uidAddress(), uid);
    place(device.flashSizeRegister(), new byte[] {(byte) sizeKib, (byte) (sizeKib >> 8)});
    device.bootloader().id().ifPresent(id ->
        place(device.bootloader().idAddress(), new byte[] {(byte) id}));
    place(device.bootloaderVectorTable(), bootloaderVectors());
  }

  /** The bootloader's initial SP (top of its own RAM) and reset handler (Thumb, in ROM). */
  private byte[] bootloaderVectors() {
    long sp = device.bootloader().reservedRam().end();
    long reset = device.bootloaderVectorTable() + 0x201;
    return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt((int) sp).putInt((int) reset).array();
  }

  /** Puts read-only identification bytes where the device has them, mapping them if need be. */
  private void place(long address, byte[] data) {
    if (!readableAlready(address, data.length)) {
      add(MemoryArea.Kind.DEVICE_INFO, new MemoryRegion(address, data.length), 0);
    }
    area(address, data.length).orElseThrow().put(address, data);
  }

  private boolean readableAlready(long address, int length) {
    return area(address, length).isPresent();
  }

  /** What a Write Memory did. */
  enum WriteOutcome { WRITTEN, OPTION_BYTES_WRITTEN, REFUSED }
}
