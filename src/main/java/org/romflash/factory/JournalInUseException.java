package org.romflash.factory;

import java.nio.file.Path;

/** Another process (or station in this one) has the journal open: its serial numbers would clash. */
public final class JournalInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalInUseException(Path file) {
    super("the journal " + file + " is in use by another romflash station");
  }
}
