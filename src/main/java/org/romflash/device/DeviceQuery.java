package org.romflash.device;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What {@code romflash devices QUERY} finds: a query names an entry ({@code F103xB}), a product ID
 * ({@code 0x410}), a family ({@code F1}, {@code STM32L4}), or an ordered part number
 * ({@code STM32F103C8T6}: an entry's part {@code STM32F103x8} matches it, 'x' standing for any
 * character). Failing those, any entry whose name, title or parts contain the text.
 */
public final class DeviceQuery {
  private DeviceQuery() {}

  /** The entries {@code query} finds in {@code all}, in database order; the first rule that finds any wins. */
  public static List<Device> find(List<Device> all, String query) {
    String q = query.trim().toUpperCase(Locale.ROOT);
    List<Predicate<Device>> rules = List.of(
        d -> d.answersTo(q),
        d -> isPid(q) && d.pid() == Integer.decode(q),
        d -> family(d).equals(q.startsWith("STM32") ? q.substring(5) : q),
        d -> d.parts().stream().anyMatch(p -> partMatches(p, q)),
        d -> (d.name() + " " + d.title() + " " + String.join(" ", d.parts()))
            .toUpperCase(Locale.ROOT).contains(q));
    for (Predicate<Device> rule : rules) {
      List<Device> found = all.stream().filter(rule).toList();
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static boolean isPid(String q) {
    return q.matches("0X[0-9A-F]{1,4}");
  }

  private static String family(Device d) {
    String family = d.family().toUpperCase(Locale.ROOT);
    return family.startsWith("STM32") ? family.substring(5) : family;
  }

  /** Whether ordered part {@code query} is an instance of {@code part} ('x' = any character). */
  static boolean partMatches(String part, String query) {
    String p = part.toUpperCase(Locale.ROOT);
    String q = query.startsWith("STM32") ? query : "STM32" + query;
    if (q.length() < p.length()) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) != 'X' && p.charAt(i) != q.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
