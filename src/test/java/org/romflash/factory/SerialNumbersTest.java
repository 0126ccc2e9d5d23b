package org.romflash.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.romflash.device.UniqueId;

class SerialNumbersTest {
  private static final SerialFormat SN = SerialFormat.parse("SN{:04d}");

  @TempDir Path dir;

  static UniqueId uid(int n) {
    byte[] bytes = new byte[12];
    bytes[0] = (byte) n;
    bytes[1] = (byte) (n >> 8);
    return new UniqueId(bytes);
  }

  private JournalHistory journalWith(Object... uidSerialOutcome) throws IOException {
    Path file = dir.resolve("journal.jsonl");
    try (Journal journal = Journal.open(file)) {
      for (int i = 0; i < uidSerialOutcome.length; i += 3) {
        UnitRecord unit = new UnitRecord(Instant.EPOCH, "run1", "test", "p" + i, 1,
            new ImageIdentity("fw.hex", 1, "00"));
        unit.uid(uid((Integer) uidSerialOutcome[i]));
        unit.serial(SN.ofNumber((Integer) uidSerialOutcome[i + 1]), 0x0801FC00L);
        if ((Boolean) uidSerialOutcome[i + 2]) {
          unit.succeeded();
        }
        journal.append(unit);
      }
    }
    return JournalHistory.read(file);
  }

  @Test
  void numbersCountUpFromTheStart() {
    SerialNumbers numbers = SerialNumbers.counting(SN, 7, JournalHistory.empty(), false);
    assertEquals("SN0007", numbers.assign(uid(1)).text());
    assertEquals("SN0008", numbers.assign(uid(2)).text());
  }

  @Test
  void aUnitKeepsItsNumberWhenProgrammedAgain() throws IOException {
    SerialNumbers numbers = SerialNumbers.counting(SN, 1, journalWith(5, 3, true), false);
    assertEquals("SN0003", numbers.assign(uid(5)).text());
    assertEquals("SN0003", numbers.assign(uid(5)).text());
    assertEquals("SN0001", numbers.assign(uid(6)).text());
  }

  @Test
  void aNumberIssuedToAFailedUnitIsNotGivenToAnotherOne() throws IOException {
    SerialNumbers numbers = SerialNumbers.counting(SN, 1, journalWith(5, 1, false, 6, 2, true),
        false);
    assertEquals("SN0003", numbers.assign(uid(9)).text());
    assertEquals("SN0001", numbers.assign(uid(5)).text(), "the failed unit keeps its number");
  }

  @Test
  void withReuseTheNumbersOfFailedUnitsAreFreeAgain() throws IOException {
    SerialNumbers numbers = SerialNumbers.counting(SN, 1, journalWith(5, 1, false, 6, 2, true),
        true);
    assertEquals("SN0001", numbers.assign(uid(9)).text());
    assertEquals("SN0003", numbers.assign(uid(5)).text(), "the failed unit gets a fresh one");
    assertEquals("SN0002", numbers.assign(uid(6)).text(), "a passed unit keeps its own");
  }

  @Test
  void aKeptNumberIsWrittenInTodaysFormat() throws IOException {
    SerialNumbers numbers = SerialNumbers.counting(SerialFormat.parse("u16le"), 1,
        journalWith(5, 258, true), false);
    SerialNumber kept = numbers.assign(uid(5));
    assertEquals("258", kept.text());
    assertEquals(List.of((byte) 2, (byte) 1), List.of(kept.bytes()[0], kept.bytes()[1]));
  }

  @Test
  void concurrentWorkersNeverGetTheSameNumber() throws IOException {
    SerialNumbers numbers = SerialNumbers.counting(SN, 1, journalWith(1, 4, true), false);
    Map<Integer, String> given = new ConcurrentHashMap<>();
    IntStream.range(100, 400).parallel().forEach(n -> given.put(n, numbers.assign(uid(n)).text()));
    Set<String> distinct = new HashSet<>(given.values());
    assertEquals(300, distinct.size());
    assertEquals(false, distinct.contains("SN0004"));
  }

  @Test
  void aUnitWithoutAUidGetsAFreshNumberFromACounterAndNoneFromATable() {
    SerialNumbers counting = SerialNumbers.counting(SN, 1, JournalHistory.empty(), false);
    assertEquals("SN0001", counting.assign(null).text());
    assertEquals("SN0002", counting.assign(null).text());
    SerialNumbers table = SerialNumbers.fromTable(SN, Map.of(uid(1), "5"), JournalHistory.empty(),
        false);
    assertEquals("the unit's unique ID cannot be read, and the serial table is keyed by it",
        assertThrows(SerialUnavailableException.class, () -> table.assign(null)).getMessage());
  }

  @Test
  void aTableGivesEachUidItsSerial() {
    SerialNumbers numbers = SerialNumbers.fromTable(SerialFormat.parse("text"),
        Map.of(uid(1), "A-1", uid(2), "A-2"), JournalHistory.empty(), false);
    assertEquals("A-2", numbers.assign(uid(2)).text());
    SerialUnavailableException e = assertThrows(SerialUnavailableException.class,
        () -> numbers.assign(uid(3)));
    assertEquals("the serial table has no serial for UID " + uid(3), e.getMessage());
  }

  @Test
  void aTableSerialAlreadyRecordedForAnotherUnitIsRefused() throws IOException {
    JournalHistory history = journalWith(1, 4, true);
    SerialNumbers numbers = SerialNumbers.fromTable(SN, Map.of(uid(2), "4"), history, false);
    SerialUnavailableException e = assertThrows(SerialUnavailableException.class,
        () -> numbers.assign(uid(2)));
    assertEquals("serial SN0004 (for UID " + uid(2) + ") is already recorded in the journal for"
        + " another unit", e.getMessage());
  }

  @Test
  void theTableFileNamesTheLineOfADuplicate() throws IOException {
    Path csv = dir.resolve("serials.csv");
    Files.writeString(csv, "uid,serial\n" + uid(1) + ",S1\n# comment\n\n" + uid(2) + ",S1\n");
    SerialTableException e = assertThrows(SerialTableException.class, () -> SerialTable.read(csv));
    assertEquals(csv + ":5: serial S1 is already given to another unit on line 2", e.getMessage());
    Files.writeString(csv, uid(1) + ",S1\n" + uid(2).toString().replace("-", "") + ",S2\n");
    assertEquals(Map.of(uid(1), "S1", uid(2), "S2"), SerialTable.read(csv));
  }
}
