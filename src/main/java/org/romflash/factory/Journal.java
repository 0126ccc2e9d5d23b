package org.romflash.factory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The station's journal: one JSON line per unit, appended, never rewritten. Each line goes to the
 * file in one write and is forced to the disk before {@link #append} returns, under a lock, so a
 * stop (Ctrl-C) between lines cannot leave half of one. A file whose last line was cut off (power
 * lost while writing) gets a line break first, so the next line starts on its own; {@link
 * JournalHistory} skips the broken one. The file is locked while open: two stations on one journal
 * could hand out the same serial numbers.
 */
public final class Journal implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private boolean closed;

  private Journal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens {@code file} for appending, creating it if needed. */
  public static Journal open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.READ);
    if (lock(channel) == null) {
      channel.close();
      throw new JournalInUseException(file);
    }
    Journal journal = new Journal(file, channel);
    if (channel.size() > 0 && !endsWithNewline(channel)) {
      journal.write("\n");
    }
    return journal;
  }

  /** Another station writing the same journal could issue the same serial numbers. */
  private static java.nio.channels.FileLock lock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock(0, Long.MAX_VALUE, false);
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return null;
    }
  }

  private static boolean endsWithNewline(FileChannel channel) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, channel.size() - 1);
    return last.get(0) == '\n';
  }

  public Path file() {
    return file;
  }

  /**
   * Appends the unit's line and forces it to the disk.
   *
   * @throws IllegalStateException once the journal is closed (the station is stopping)
   */
  public synchronized void append(UnitRecord unit) {
    if (closed) {
      throw new IllegalStateException("the journal " + file + " is closed: the station stopped");
    }
    write(unit.toJson() + "\n");
  }

  private void write(String text) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      channel.position(channel.size());
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** Waits for a line being written, then closes; later appends are refused. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        channel.close();
      } catch (IOException ignored) {
        // Every line was forced to the disk when written; nothing is left to lose.
      }
    }
  }
}
