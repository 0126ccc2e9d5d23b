package org.romflash.factory;

/** The steps of programming one unit, in order; the journal times each and names the failing one. */
public enum Phase {
  /** Entry sequence, 0x7F, Get, Get ID, identification. */
  CONNECT,
  /** Reading the unique ID and assigning the serial number. */
  IDENTIFY,
  ERASE,
  WRITE,
  VERIFY,
  /** Reading back the regions' CRCs and the option bytes for the journal. */
  READBACK,
  /** Starting the program, resetting, exit line sequence. */
  FINISH;

  /** As the journal writes it. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
