package org.romflash.swd.sim;

/** An access the simulated bus answers with an error (AHB/AXI error response, a MEM-AP fault). */
public final class BusFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BusFault(long address, String why) {
    super(String.format("bus fault at 0x%08X: %s", address, why));
  }
}
