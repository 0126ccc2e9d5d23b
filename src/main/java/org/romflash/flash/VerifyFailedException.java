package org.romflash.flash;

/** The chip's content does not match the image after programming. */
public final class VerifyFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final VerifyResult.Mismatch mismatch;

  public VerifyFailedException(VerifyResult.Mismatch mismatch) {
    super(describe(mismatch));
    this.mismatch = mismatch;
  }

  public VerifyResult.Mismatch mismatch() {
    return mismatch;
  }

  private static String describe(VerifyResult.Mismatch m) {
    return m.method() == VerifyMode.CRC
        ? String.format("verify failed: CRC of the range from 0x%08X is 0x%08X, expected 0x%08X",
            m.address(), m.actual(), m.expected())
        : String.format("verify failed at 0x%08X: chip has 0x%02X, image has 0x%02X", m.address(),
            m.actual(), m.expected());
  }
}
