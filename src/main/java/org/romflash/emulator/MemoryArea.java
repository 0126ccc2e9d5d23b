package org.romflash.emulator;

import java.util.Arrays;
import org.romflash.device.MemoryRegion;

/** One block of the emulated chip's address space with its content. */
final class MemoryArea {
  enum Kind { FLASH, RAM, SYSTEM, OPTION_BYTES, DEVICE_INFO }

  private final Kind kind;
  private final MemoryRegion region;
  private final byte[] content;

  MemoryArea(Kind kind, MemoryRegion region, int fill) {
    this.kind = kind;
    this.region = region;
    this.content = new byte[Math.toIntExact(region.size())];
    Arrays.fill(content, (byte) fill);
  }

  Kind kind() {
    return kind;
  }

  MemoryRegion region() {
    return region;
  }

  boolean contains(long address, long length) {
    return region.contains(address, length);
  }

  int offset(long address) {
    return (int) (address - region.start());
  }

  byte[] read(long address, int length) {
    int at = offset(address);
    return Arrays.copyOfRange(content, at, at + length);
  }

  void put(long address, byte[] data) {
    System.arraycopy(data, 0, content, offset(address), data.length);
  }

  void fill(long address, long length, int value) {
    int at = offset(address);
    Arrays.fill(content, at, at + (int) length, (byte) value);
  }

  byte get(long address) {
    return content[offset(address)];
  }
}
