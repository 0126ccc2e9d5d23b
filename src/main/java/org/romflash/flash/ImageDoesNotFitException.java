package org.romflash.flash;

/**
 * The image has data where the device cannot take it: outside its flash and free RAM, in the
 * bootloader's reserved RAM, or in the option bytes (which are written only on request).
 */
public final class ImageDoesNotFitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long from;
  private final long to;
  private final boolean inOptionBytes;

  public ImageDoesNotFitException(long from, long to, String why, String memoryMap,
      boolean inOptionBytes) {
    super(String.format("image data at 0x%08X-0x%08X %s%n%s", from, to - 1, why, memoryMap));
    this.from = from;
    this.to = to;
    this.inOptionBytes = inOptionBytes;
  }

  /** Whether the data lies in the option bytes: the image is fine, it just carries them. */
  public boolean inOptionBytes() {
    return inOptionBytes;
  }

  public long from() {
    return from;
  }

  public long to() {
    return to;
  }
}
