package org.romflash.emulator;

import java.time.Duration;
import org.romflash.emulator.TargetPort.StoppedException;
import org.romflash.flash.Crc32Stm32;

/** Read Memory, Go, Write Memory and Get Checksum (AN3155 3.4, 3.5, 3.6, 3.13). */
final class MemoryCommands {
  private final Bootloader bootloader;
  private final Chip chip;
  private final TargetPort port;
  private final Frame frame;

  MemoryCommands(Bootloader bootloader) {
    this.bootloader = bootloader;
    this.chip = bootloader.chip();
    this.port = bootloader.port();
    this.frame = bootloader.frame();
  }

  void read() throws StoppedException {
    Long address = frame.address();
    if (address == null || !chip.readable(address, 1)) {
      port.nack();
      return;
    }
    if (!port.ack()) {
      return;
    }
    int n = port.next();
    int complement = port.next();
    if ((n ^ complement) != 0xFF || !chip.readable(address, n + 1)) {
      port.nack();
      return;
    }
    byte[] data = chip.peek(address, n + 1).orElseThrow();
    byte[] reply = new byte[n + 2];
    reply[0] = 0x79;
    System.arraycopy(data, 0, reply, 1, data.length);
    port.send(reply);
  }

  void go() throws StoppedException {
    Long address = frame.address();
    if (address == null || !chip.executable(address)) {
      port.nack();
      return;
    }
    if (!port.ack()) {
      return;
    }
    boolean inRam = chip.device().ramRegions().stream().anyMatch(r -> r.contains(address));
    RamCode model = inRam ? bootloader.ramCode() : RamCode.RUN;
    if (model == RamCode.RESTART) {
      bootloader.restart(Duration.ZERO);
      return;
    }
    var routine = model == RamCode.DEAF ? java.util.Optional.<Duration>empty()
        : CrcRoutineModel.requestAt(chip, address)
            .flatMap(request -> CrcRoutineModel.run(chip, address, request));
    if (routine.isPresent()) {
      bootloader.restart(bootloader.timing().flashTimes() ? routine.get() : Duration.ZERO);
    } else {
      bootloader.leave();
    }
  }

  void write() throws StoppedException {
    Long address = frame.address();
    if (address == null || (address & 3) != 0 || !chip.writableStart(address)) {
      port.nack();
      return;
    }
    if (!port.ack()) {
      return;
    }
    int n = port.next();
    byte[] data = port.next(n + 1);
    int checksum = port.next();
    if (((Frame.xor(data, 0, data.length) ^ n) & 0xFF) != checksum || data.length % 4 != 0) {
      port.nack();
      return;
    }
    Chip.WriteOutcome outcome = chip.write(address, data);
    if (outcome == Chip.WriteOutcome.REFUSED) {
      port.nack();
      return;
    }
    if (bootloader.timing().flashTimes()) {
      port.busy(chip.device().timing().programWord().multipliedBy(chip.programWords(data.length)));
    }
    boolean acked = port.ack();
    if (acked && outcome == Chip.WriteOutcome.OPTION_BYTES_WRITTEN) {
      bootloader.reset();
    }
  }

  /** A four-byte field and its checksum, ACKed; null (after a NACK, or a faulted ACK) otherwise. */
  private Long acceptedWord() throws StoppedException {
    Long value = frame.word();
    if (value == null) {
      port.nack();
      return null;
    }
    return port.ack() ? value : null;
  }

  /** Get Checksum: address, size in words, polynomial, initial value, each ACKed; then the CRC. */
  void checksum() throws StoppedException {
    Long address = frame.address();
    if (address == null || (address & 3) != 0 || !chip.readable(address, 4)) {
      port.nack();
      return;
    }
    if (!port.ack()) {
      return;
    }
    Long words = frame.word();
    if (words == null || words == 0 || words > Integer.MAX_VALUE / 4
        || !chip.readable(address, (int) (words * 4))) {
      port.nack();
      return;
    }
    if (!port.ack()) {
      return;
    }
    Long polynomial = acceptedWord();
    Long initial = polynomial == null ? null : acceptedWord();
    if (initial == null) {
      return;
    }
    byte[] data = chip.peek(address, (int) (words * 4)).orElseThrow();
    int crc = Crc32Stm32.of(data, polynomial.intValue(), initial.intValue());
    if (bootloader.timing().flashTimes()) {
      port.busy(Duration.ofNanos(words * 20)); // reading flash at about 200 MB/s
    }
    byte[] reply = {0x79, (byte) (crc >> 24), (byte) (crc >> 16), (byte) (crc >> 8), (byte) crc, 0};
    reply[5] = (byte) Frame.xor(reply, 1, 4);
    port.send(reply);
  }
}
