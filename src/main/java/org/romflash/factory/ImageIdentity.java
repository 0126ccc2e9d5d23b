package org.romflash.factory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The image file a run programs, as the journal names it: file name, size and SHA-256. */
public record ImageIdentity(String name, long fileBytes, String sha256) {

  /** Reads {@code file} once to hash it. */
  public static ImageIdentity of(Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return new ImageIdentity(file.getFileName().toString(), content.length,
          HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
