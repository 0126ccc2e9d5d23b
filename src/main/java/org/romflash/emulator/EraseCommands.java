package org.romflash.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.romflash.device.Quirk;
import org.romflash.emulator.TargetPort.StoppedException;

/** Erase (0x43) and Extended Erase (0x44), AN3155 3.7 and 3.8. */
final class EraseCommands {
  private final Bootloader bootloader;
  private final Chip chip;
  private final TargetPort port;

  EraseCommands(Bootloader bootloader) {
    this.bootloader = bootloader;
    this.chip = bootloader.chip();
    this.port = bootloader.port();
  }

  void erase() throws StoppedException {
    int n = port.next();
    if (n == 0xFF) {
      // 0xFF then 0x00 is global erase; 0xFF then anything else is ACKed without erasing (3.7).
      if (port.next() == 0x00) {
        if (noMassErase()) {
          port.nack();
          return;
        }
        massErase();
      }
      port.ack();
      return;
    }
    byte[] pages = port.next(n + 1);
    int checksum = port.next();
    if (((Frame.xor(pages, 0, pages.length) ^ n) & 0xFF) != checksum) {
      port.nack();
      return;
    }
    List<Integer> numbers = new ArrayList<>();
    for (byte page : pages) {
      numbers.add(page & 0xFF);
    }
    erasePages(numbers);
  }

  void extendedErase() throws StoppedException {
    int high = port.next();
    int low = port.next();
    int count = (high << 8) | low;
    if (count >= 0xFFF0) {
      int checksum = port.next();
      if ((high ^ low) != checksum) {
        port.nack();
        return;
      }
      special(count);
      return;
    }
    byte[] pages = port.next(2 * (count + 1));
    int checksum = port.next();
    if ((Frame.xor(pages, 0, pages.length) ^ high ^ low) != checksum) {
      port.nack();
      return;
    }
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < pages.length; i += 2) {
      numbers.add(((pages[i] & 0xFF) << 8) | (pages[i + 1] & 0xFF));
    }
    erasePages(numbers);
  }

  private void special(int code) {
    switch (code) {
      case 0xFFFF -> {
        if (noMassErase()) {
          port.nack();
          return;
        }
        massErase();
        port.ack();
      }
      case 0xFFFE, 0xFFFD -> {
        int bank = code == 0xFFFE ? 1 : 2;
        if (chip.device().flash().bankCount() < bank) {
          port.nack();
          return;
        }
        chip.eraseBank(bank);
        charge(chip.device().flash().units().stream().filter(u -> u.bank() == bank)
            .mapToLong(u -> u.size()).sum());
        port.ack();
      }
      default -> port.nack();
    }
  }

  private void erasePages(List<Integer> numbers) {
    if (numbers.stream().anyMatch(n -> chip.device().flash().unit(n).isEmpty())) {
      port.nack();
      return;
    }
    numbers.forEach(chip::eraseUnit);
    charge(chip.bytesOf(numbers));
    port.ack();
  }

  private void massErase() {
    chip.eraseBank(0);
    if (bootloader.timing().flashTimes()) {
      port.busy(chip.device().timing().massErase());
    }
  }

  private void charge(long bytes) {
    if (bootloader.timing().flashTimes()) {
      Duration perKiB = chip.device().timing().erasePerKiB();
      port.busy(perKiB.multipliedBy(Math.max(1, bytes / 1024)));
    }
  }

  private boolean noMassErase() {
    return chip.device().quirks().contains(Quirk.NO_MASS_ERASE);
  }
}
