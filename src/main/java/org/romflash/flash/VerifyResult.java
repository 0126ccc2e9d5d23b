package org.romflash.flash;

/** The outcome of verification. */
public sealed interface VerifyResult {

  /** Every byte matched, checked the way {@code method} says, over {@code bytes} bytes. */
  record Match(VerifyMode method, long bytes) implements VerifyResult {}

  /**
   * The chip holds something else. For a read-back, {@code address} is the first differing byte
   * and {@code expected}/{@code actual} are byte values; for a CRC check, {@code address} starts
   * the range and the values are the CRCs.
   */
  record Mismatch(VerifyMode method, long address, long expected, long actual)
      implements VerifyResult {}

  /** Verification was turned off. */
  record Skipped() implements VerifyResult {}
}
