package org.romflash.swd.gdb;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a GDB server said it supports in its qSupported reply (GDB manual, "General Query Packets",
 * qSupported): features ending in '+' are on, {@code name=value} ones carry a value.
 *
 * @param packetSize the largest packet the server accepts, in bytes ({@code PacketSize=hex}); 400
 *     when it does not say, GDB's own assumption
 */
record ServerFeatures(int packetSize, Set<String> supported, Map<String, String> values) {
  /** GDB's packet size for servers that do not state one. */
  static final int DEFAULT_PACKET_SIZE = 400;
  /** Below this no m/X packet could carry a useful amount. */
  static final int MIN_PACKET_SIZE = 64;

  ServerFeatures {
    supported = Set.copyOf(supported);
    values = Map.copyOf(values);
  }

  /** Parses a qSupported reply such as {@code PacketSize=4000;qXfer:memory-map:read+}. */
  static ServerFeatures parse(String reply) {
    Set<String> on = new HashSet<>();
    Map<String, String> values = new HashMap<>();
    for (String item : reply.split(";")) {
      if (item.endsWith("+")) {
        on.add(item.substring(0, item.length() - 1));
      } else if (item.contains("=")) {
        values.put(item.substring(0, item.indexOf('=')), item.substring(item.indexOf('=') + 1));
      }
    }
    int size = DEFAULT_PACKET_SIZE;
    if (values.containsKey("PacketSize")) {
      size = (int) Math.min(Integer.MAX_VALUE,
          Hex.number(values.get("PacketSize"), "qSupported PacketSize"));
    }
    return new ServerFeatures(Math.max(MIN_PACKET_SIZE, size), on, values);
  }

  boolean supports(String feature) {
    return supported.contains(feature);
  }

  boolean memoryMap() {
    return supports("qXfer:memory-map:read");
  }

  boolean noAckMode() {
    return supports("QStartNoAckMode");
  }
}
