package org.romflash.transcript;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.romflash.protocol.BootloaderClient;

/** Runs a transcript's {@code # call:} line on a client, e.g. {@code read 0x08000000 16}. */
final class Calls {
  private static final Duration ERASE = Duration.ofSeconds(2);

  private Calls() {}

  static void run(BootloaderClient client, String call) {
    String[] words = call.split("\\s+");
    switch (words[0]) {
      case "sync" -> client.synchronise();
      case "connect" -> client.connect();
      case "get" -> client.get();
      case "get-version" -> client.getVersion();
      case "get-id" -> client.getId();
      case "read" -> client.readMemory(number(words[1]), (int) number(words[2]));
      case "go" -> client.go(number(words[1]));
      case "write" -> client.writeMemory(number(words[1]), HexFormat.of().parseHex(words[2]));
      case "read-ahead" -> {
        client.sendAhead(true);
        client.readMemory(number(words[1]), (int) number(words[2]));
      }
      case "write-ahead" -> {
        client.sendAhead(true);
        client.writeMemory(number(words[1]), HexFormat.of().parseHex(words[2]));
      }
      case "mass-erase" -> client.massErase(ERASE);
      case "erase-pages" -> client.erasePages(list(words[1]), batch -> ERASE);
      case "erase-bank" -> client.eraseBank((int) number(words[1]), ERASE);
      case "write-protect" -> client.writeProtect(list(words[1]));
      case "write-unprotect" -> client.writeUnprotect();
      case "readout-protect" -> client.readoutProtect();
      case "readout-unprotect" -> client.readoutUnprotect(ERASE);
      case "checksum" -> client.getChecksum(number(words[1]), number(words[2]));
      case "special" -> client.special((int) number(words[1]), hex(words, 2));
      case "extended-special" -> client.extendedSpecial((int) number(words[1]), hex(words, 2),
          hex(words, 3));
      case "recover" -> client.recover();
      default -> throw new IllegalArgumentException("unknown call '" + call + "'");
    }
  }

  static long number(String text) {
    return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
  }

  private static List<Integer> list(String text) {
    return Arrays.stream(text.split(",")).map(t -> (int) number(t)).toList();
  }

  private static byte[] hex(String[] words, int index) {
    return words.length > index && !words[index].equals("-") ? HexFormat.of().parseHex(words[index])
        : new byte[0];
  }
}
