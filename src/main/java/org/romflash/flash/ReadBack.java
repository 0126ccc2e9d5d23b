package org.romflash.flash;

/**
 * Reads a range of chip memory whole, in steps the progress display can follow: what {@code read},
 * {@code stm32flash -r} and the option-byte commands share.
 */
public final class ReadBack {
  /** Bytes per progress step; the target splits them into Read Memory commands of 256. */
  private static final int STEP = 4096;

  private ReadBack() {}

  public static byte[] range(FlashTarget target, long address, int length, Progress progress) {
    byte[] data = new byte[length];
    progress.start(Progress.Phase.READ, length);
    try {
      for (int offset = 0; offset < length; offset += STEP) {
        int n = Math.min(STEP, length - offset);
        System.arraycopy(target.read(address + offset, n), 0, data, offset, n);
        progress.advance(n);
      }
    } finally {
      progress.finish();
    }
    return data;
  }
}
