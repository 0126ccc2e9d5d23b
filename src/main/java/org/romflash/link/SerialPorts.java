package org.romflash.link;

import java.util.List;

/**
 * Where the list of serial ports comes from. An interface so that the listing can be tested with
 * made-up ports; {@link #system()} asks the operating system through jSerialComm.
 */
public interface SerialPorts {

  /** The ports present now, in the order the operating system gives them. */
  List<PortInfo> list();

  /** The machine's own ports, as jSerialComm enumerates them. */
  static SerialPorts system() {
    return SerialLink::systemPorts;
  }
}
