package org.romflash.image;

/** A firmware file is malformed. The message names the file, the line or record, and the fault. */
public final class ImageFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  public ImageFormatException(String file, int line, String fault) {
    super(file + (line > 0 ? ":" + line : "") + ": " + fault);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  /** The 1-based line of the fault, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}
