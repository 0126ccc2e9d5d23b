package org.romflash.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.romflash.link.Link;
import org.romflash.link.LinkException;
import org.romflash.link.LoggingLink;

/** {@code --log FILE}: opens the transcript file and wraps the session's link in a logger. */
final class TranscriptLog {
  private TranscriptLog() {}

  static LoggingLink open(Path file, Link link) {
    try {
      PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
          false);
      return new LoggingLink(link, writer, Clock.systemUTC());
    } catch (IOException e) {
      link.close();
      throw new LinkException(file.toString(), "cannot write the --log transcript: "
          + e.getMessage());
    }
  }
}
