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

  public boolean active() {
    return dropRate > 0 || corruptRate > 0 || nackRate > 0;
  }

  Random random() {
    return new Random(seed);
  }
}
