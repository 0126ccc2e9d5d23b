package org.romflash.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an image from the records of a text file while remembering which line gave which bytes,
 * so that overlapping data is reported at the line that repeats an address, naming the line that
 * gave it first.
 */
final class RecordedImage {
  private final String name;
  private final FirmwareImage.Builder image = FirmwareImage.builder();
  private final List<long[]> origins = new ArrayList<>();

  RecordedImage(String name) {
    this.name = name;
  }

  void add(int line, long address, byte[] data) {
    image.add(address, data);
    origins.add(new long[] {address, address + data.length, line});
  }

  void startAddress(long address) {
    image.startAddress(address);
  }

  FirmwareImage build() {
    try {
      return image.build();
    } catch (FirmwareImage.OverlapException e) {
      throw overlap(e);
    }
  }

  /** The last line whose data covers the first overlapping byte, and the line before it that does. */
  private ImageFormatException overlap(FirmwareImage.OverlapException e) {
    int last = 0;
    int first = 0;
    for (long[] origin : origins) {
      if (origin[0] <= e.from() && e.from() < origin[1]) {
        first = last;
        last = (int) origin[2];
      }
    }
    return new ImageFormatException(name, last, String.format(
        "data at 0x%08X-0x%08X was already given on line %d", e.from(), e.to() - 1, first));
  }
}
