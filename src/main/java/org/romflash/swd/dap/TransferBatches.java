package org.romflash.swd.dap;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DAP_Transfer accesses into packets: the command (3 header bytes, 1 per read, 5 per
 * write) and its response (3 header bytes, 4 per read) must each fit the probe's packet size, and a
 * packet holds at most 255 accesses.
 */
final class TransferBatches {
  private static final int HEADER = 3;
  private static final int MAX_COUNT = 255;

  private TransferBatches() {}

  static List<List<Transfer>> split(List<Transfer> transfers, int packetSize) {
    List<List<Transfer>> batches = new ArrayList<>();
    List<Transfer> batch = new ArrayList<>();
    int request = HEADER;
    int response = HEADER;
    for (Transfer t : transfers) {
      boolean full = request + t.requestBytes() > packetSize
          || response + t.responseBytes() > packetSize || batch.size() == MAX_COUNT;
      if (full && !batch.isEmpty()) {
        batches.add(batch);
        batch = new ArrayList<>();
        request = HEADER;
        response = HEADER;
      }
      batch.add(t);
      request += t.requestBytes();
      response += t.responseBytes();
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }
}
