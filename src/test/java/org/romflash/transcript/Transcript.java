package org.romflash.transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A golden byte conversation from {@code protocol-spec/transcripts}: host lines ({@code > 7F}),
 * target lines ({@code < 79}, or {@code < (silence)}), comments ({@code # why}) and directives:
 * {@code # device:}, {@code # given:}, {@code # call:}, {@code # expect:}, {@code # replay:}.
 */
record Transcript(String name, String device, List<String> givens, List<String> calls,
    String expect, boolean replayOnEmulator, List<Step> steps) {

  /** One line of bytes: who sends them, which bytes, and the line number for messages. */
  record Step(boolean fromHost, byte[] bytes, boolean silence, int line) {}

  static Transcript read(Path file) throws IOException {
    String device = null;
    String expect = "ok";
    boolean emulator = true;
    List<String> givens = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int number = i + 1;
      if (line.startsWith("# device:")) {
        device = value(line);
      } else if (line.startsWith("# given:")) {
        givens.add(value(line));
      } else if (line.startsWith("# call:")) {
        calls.add(value(line));
      } else if (line.startsWith("# expect:")) {
        expect = value(line);
      } else if (line.startsWith("# replay:")) {
        emulator = !value(line).equals("client");
      } else if (line.startsWith(">") || line.startsWith("<")) {
        boolean host = line.startsWith(">");
        String body = line.substring(1).strip();
        if (body.equals("(silence)")) {
          steps.add(new Step(host, new byte[0], true, number));
        } else {
          steps.add(new Step(host, HexFormat.of().parseHex(body.replace(" ", "")), false, number));
        }
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        throw new IllegalArgumentException(file + ":" + number + ": not a transcript line: " + line);
      }
    }
    if (device == null || calls.isEmpty()) {
      throw new IllegalArgumentException(file + ": needs '# device:' and at least one '# call:'");
    }
    return new Transcript(file.getFileName().toString(), device, givens, calls, expect, emulator,
        steps);
  }

  private static String value(String directive) {
    return directive.substring(directive.indexOf(':') + 1).strip();
  }
}
