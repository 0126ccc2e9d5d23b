package org.romflash.swd.gdb;

/** One thing that arrived on a remote-protocol link: a packet, an acknowledgment or an interrupt. */
sealed interface Incoming {

  /** A packet whose checksum was right; {@code data} is what stood between '$' and '#'. */
  record Packet(byte[] data) implements Incoming {
    public Packet {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  /** A packet whose checksum did not match its data. */
  record Corrupt(byte[] data, int sent, int computed) implements Incoming {
    public Corrupt {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  /** '+': the peer received our last packet. */
  record Ack() implements Incoming {}

  /** '-': the peer asks for our last packet again. */
  record Nak() implements Incoming {}

  /** 0x03: the peer (GDB) asks the running target to stop. */
  record Interrupt() implements Incoming {}
}
