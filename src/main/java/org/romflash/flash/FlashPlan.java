package org.romflash.flash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.image.FirmwareImage;
import org.romflash.image.Segment;

/**
 * What programming an image onto a device takes, computed without touching the chip: the erase
 * (units, mass, or none), the write blocks and the ranges to verify.
 *
 * <p>Write blocks never cross a {@code blockSize} boundary. Within a block, the data runs from the
 * first to the last programming word the image touches, so two segments sharing a flash word are
 * written together and a word is never programmed twice; bytes of such a word the image does not
 * give are filled with the erased value.
 *
 * <p>{@code writes} are the blocks the chip must hold afterwards, and what is verified; {@code
 * programs} are the ones actually sent: a flash block that is all erased value, in a unit this plan
 * erases, already holds its content after the erase and is skipped.
 */
public record FlashPlan(boolean massErase, List<EraseUnit> eraseUnits, List<Segment> writes,
    VerifyMode verify, List<Segment> programs) {

  public FlashPlan {
    eraseUnits = List.copyOf(eraseUnits);
    writes = List.copyOf(writes);
    programs = List.copyOf(programs);
  }

  /** A plan that programs every block it verifies. */
  public FlashPlan(boolean massErase, List<EraseUnit> eraseUnits, List<Segment> writes,
      VerifyMode verify) {
    this(massErase, eraseUnits, writes, verify, writes);
  }

  /**
   * Plans {@code image} onto {@code device}.
   *
   * @throws ImageDoesNotFitException before anything is planned, when the image does not fit
   */
  public static FlashPlan of(FirmwareImage image, Device device, EraseMode erase, VerifyMode verify,
      int blockSize) {
    List<ImageCheck.Destination> destinations = ImageCheck.check(image, device);
    Set<EraseUnit> units = new LinkedHashSet<>();
    List<Segment> writes = new ArrayList<>();
    List<Segment> programs = new ArrayList<>();
    for (int i = 0; i < image.segments().size(); i++) {
      Segment segment = image.segments().get(i);
      if (destinations.get(i) == ImageCheck.Destination.FLASH) {
        units.addAll(device.flash().unitsCovering(segment.address(), segment.length()));
      }
    }
    for (long window : windows(image, blockSize)) {
      boolean flash = device.flashRegion().contains(window);
      int word = flash ? Math.max(4, device.programWord()) : 4;
      Segment block = block(image, window, blockSize, word, device.erasedValue());
      writes.add(block);
      if (!(flash && erase != EraseMode.NONE && allErased(block, device.erasedValue()))) {
        programs.add(block);
      }
    }
    return new FlashPlan(erase == EraseMode.MASS, erase == EraseMode.TOUCHED
        ? new ArrayList<>(units) : List.of(), writes, verify, programs);
  }

  /** This plan without erasing or programming {@code units} (they already hold their content). */
  public FlashPlan without(List<EraseUnit> units) {
    if (units.isEmpty()) {
      return this;
    }
    List<EraseUnit> erase = eraseUnits.stream().filter(u -> !units.contains(u)).toList();
    List<Segment> send = programs.stream()
        .filter(b -> units.stream().noneMatch(u -> u.overlaps(b.address(), b.length())))
        .toList();
    return new FlashPlan(massErase, erase, writes, verify, send);
  }

  /** This plan without erasing {@code units} (already blank); their blocks are still written. */
  public FlashPlan withoutErasing(List<EraseUnit> units) {
    if (units.isEmpty()) {
      return this;
    }
    return new FlashPlan(massErase, eraseUnits.stream().filter(u -> !units.contains(u)).toList(),
        writes, verify, programs);
  }

  /** Bytes that will be sent to the chip. */
  public long bytesToWrite() {
    return programs.stream().mapToLong(Segment::length).sum();
  }

  private static boolean allErased(Segment block, int erasedValue) {
    byte[] data = block.data();
    for (byte b : data) {
      if ((b & 0xFF) != erasedValue) {
        return false;
      }
    }
    return true;
  }

  private static Set<Long> windows(FirmwareImage image, int blockSize) {
    Set<Long> windows = new TreeSet<>();
    for (Segment s : image.segments()) {
      for (long w = s.address() - s.address() % blockSize; w < s.end(); w += blockSize) {
        windows.add(w);
      }
    }
    return windows;
  }

  private static Segment block(FirmwareImage image, long window, int blockSize, int word,
      int fill) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Segment s : image.segments()) {
      long from = Math.max(s.address(), window);
      long to = Math.min(s.end(), window + blockSize);
      if (from < to) {
        first = Math.min(first, from);
        last = Math.max(last, to);
      }
    }
    first -= Math.floorMod(first, word);
    last += Math.floorMod(-last, word);
    first = Math.max(first, window);
    last = Math.min(last, window + blockSize);
    byte[] data = new byte[(int) (last - first)];
    image.copyRange(first, data, fill);
    return new Segment(first, data);
  }
}
