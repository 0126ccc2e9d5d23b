package org.romflash.emulator;

import java.util.Random;

/**
 * Seeded fault injection: bytes from the host lost or corrupted on the way in, and spurious NACKs in
 * place of ACKs. The same seed gives the same faults at the same places, so a failing test can be
 * replayed.
 *
 * @param seed seeds the random choices
 * @param dropRate chance that a byte from the host is lost
 * @param corruptRate chance that a byte from the host arrives with bits flipped
 * @param nackRate chance that an ACK is replaced by a NACK (the command is then not carried out)
 * @param firstFaultAfter no fault is injected before this many bytes from the host have arrived
 */
public record FaultPlan(long seed, double dropRate, double corruptRate, double nackRate,
    long firstFaultAfter) {

  public static FaultPlan none() {
    return new FaultPlan(0, 0, 0, 0, 0);
  }

  /**
   * Parses {@code seed=N,drop=P,corrupt=P,nack=P} (any subset, P a probability); faults start after
   * the first 16 bytes so that synchronisation itself gets through.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static FaultPlan parse(String spec) {
    long seed = 1;
    double[] rates = new double[3];
    java.util.List<String> keys = java.util.List.of("drop", "corrupt", "nack");
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      String key = kv[0].trim();
      if (kv.length != 2 || !(key.equals("seed") || keys.contains(key))) {
        throw new IllegalArgumentException("'" + part.trim() + "' is not one of seed=N, drop=P,"
            + " corrupt=P, nack=P");
      }
      try {
        if (key.equals("seed")) {
          seed = Long.parseLong(kv[1].trim());
        } else {
          rates[keys.indexOf(key)] = probability(Double.parseDouble(kv[1].trim()), part);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + part.trim() + "' does not end in a number");
      }
    }
    return new FaultPlan(seed, rates[0], rates[1], rates[2], 16);
  }

  private static double probability(double value, String part) {
    if (value < 0 || value > 1) {
      throw new IllegalArgumentException("'" + part.trim() + "' is not a probability (0 to 1)");
    }
    return value;
  }

  public boolean active() {
    return dropRate > 0 || corruptRate > 0 || nackRate > 0;
  }

  Random random() {
    return new Random(seed);
  }
}
