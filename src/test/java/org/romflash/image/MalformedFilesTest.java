package org.romflash.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The malformed corpus: every file in {@code malformed/} fails with the message EXPECTED.txt gives. */
class MalformedFilesTest {
  private static final String SEPARATOR = " | ";

  static Path corpus() {
    try {
      return Path.of(Objects.requireNonNull(MalformedFilesTest.class.getResource("/malformed"))
          .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> expected() throws IOException {
    return Files.readAllLines(corpus().resolve("EXPECTED.txt")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> {
          int at = line.indexOf(SEPARATOR);
          return Arguments.of(line.substring(0, at), line.substring(at + SEPARATOR.length()));
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expected")
  void malformedFileIsRefusedNamingFileLineAndFault(String file, String message) {
    Path path = corpus().resolve(file);
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> ImageFiles.read(path, null, 0x08000000L));
    assertEquals(corpus() + path.getFileSystem().getSeparator() + message, e.getMessage());
  }

  @Test
  void everyFileInTheCorpusHasAnExpectedMessageAndEveryExpectedFileExists() throws IOException {
    Set<String> listed = expected().map(a -> (String) a.get()[0])
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> present;
    try (Stream<Path> files = Files.list(corpus())) {
      present = files.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("EXPECTED.txt") && !n.endsWith(".sh"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(present, listed);
  }

  @Test
  void theCorpusHasAtLeastFortyCases() throws IOException {
    assertEquals(true, expected().count() >= 40, "cases: " + expected().count());
  }
}
