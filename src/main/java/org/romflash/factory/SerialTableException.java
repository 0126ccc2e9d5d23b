package org.romflash.factory;

/** A {@code --serial-csv} file that cannot be used, naming the file and line. */
public final class SerialTableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SerialTableException(String file, int line, String fault) {
    super(file + ":" + line + ": " + fault);
  }
}
