package org.romflash.factory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.romflash.device.UniqueId;

/**
 * {@code --serial-csv}: serial numbers decided elsewhere (an ERP, a label printer), one line per
 * unit: {@code UID,SERIAL}, the UID as {@code romflash info} prints it (dashes optional). A header
 * line, blank lines and lines starting with {@code #} are skipped. A UID or serial that appears
 * twice is refused with its line number.
 */
public final class SerialTable {
  private SerialTable() {}

  public static Map<UniqueId, String> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<UniqueId, String> serials = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<UniqueId, Integer> uidLine = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || (i == 0 && !line.matches("^[0-9A-Fa-f-]+,.*"))) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != 2 || cells[1].isBlank()) {
        throw new SerialTableException(file.toString(), number, "expected UID,SERIAL");
      }
      UniqueId uid;
      try {
        uid = UniqueId.parse(cells[0].strip());
      } catch (IllegalArgumentException e) {
        throw new SerialTableException(file.toString(), number, e.getMessage());
      }
      String serial = cells[1].strip();
      Integer earlier = seen.putIfAbsent(serial, number);
      if (earlier != null) {
        throw new SerialTableException(file.toString(), number, "serial " + serial
            + " is already given to another unit on line " + earlier);
      }
      Integer uidEarlier = uidLine.putIfAbsent(uid, number);
      if (uidEarlier != null) {
        throw new SerialTableException(file.toString(), number, "UID " + uid
            + " already has a serial on line " + uidEarlier);
      }
      serials.put(uid, serial);
    }
    return serials;
  }
}
