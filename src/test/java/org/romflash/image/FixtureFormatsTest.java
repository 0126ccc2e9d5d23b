package org.romflash.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * One firmware (resources/formats/firmware.s) as arm-none-eabi-objcopy wrote it in every format
 * (build.sh): code at 0x08000000, .data linked at 0x20000000 but loaded at 0x08000048 right after
 * the code, .bss in RAM only, and a configuration block alone at 0x08000800.
 */
class FixtureFormatsTest {
  private static final long FLASH = 0x08000000L;
  /** The .data initialisers: the word 0xC0FFEE01 (little-endian) and "romflash .data!\0". */
  private static final byte[] DATA_INITIALISERS =
      HexFormat.of().parseHex("01EEFFC0726F6D666C617368202E646174612100");

  private static Path fixture(String name) {
    try {
      return Path.of(Objects.requireNonNull(FixtureFormatsTest.class.getResource("/formats/" + name))
          .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FirmwareImage read(String name) throws IOException {
    return ImageFiles.read(fixture(name), null, FLASH);
  }

  @Test
  void hexSRecordAndElfGiveTheSameImage() throws IOException {
    FirmwareImage elf = read("firmware.elf");
    assertEquals(elf, read("firmware.hex"));
    assertEquals(elf, read("firmware.srec"));
  }

  @Test
  void theElfImageIsTwoFlashPartsWithTheEntryPointAsStartAddress() throws IOException {
    FirmwareImage elf = read("firmware.elf");
    assertEquals(List.of(FLASH, 0x08000800L),
        elf.segments().stream().map(Segment::address).toList());
    assertEquals(List.of(0x5C, 0x10), elf.segments().stream().map(Segment::length).toList());
    assertEquals(OptionalLong.of(0x08000009L), elf.startAddress());
  }

  @Test
  void dataInitialisersAreAtTheirFlashLoadAddressAndNothingIsInRam() throws IOException {
    FirmwareImage elf = read("firmware.elf");
    byte[] atLoadAddress = new byte[DATA_INITIALISERS.length];
    elf.copyRange(0x08000048L, atLoadAddress, 0xFF);
    assertEquals(HexFormat.of().formatHex(DATA_INITIALISERS), HexFormat.of().formatHex(atLoadAddress));
    assertEquals(false, elf.copyRange(0x20000000L, new byte[0x1000], 0xFF));
  }

  /**
   * objcopy -O binary cannot keep the gap: it filled 0x0800005C-0x080007FF with 0xFF (--gap-fill).
   * So the binary, read at 0x08000000, is the ELF image padded with 0xFF over that range.
   */
  @Test
  void theBinaryIsTheElfImagePaddedWithFfOverTheGap() throws IOException {
    FirmwareImage elf = read("firmware.elf");
    byte[] padded = new byte[(int) (elf.endAddress() - FLASH)];
    elf.copyRange(FLASH, padded, 0xFF);
    assertEquals(FirmwareImage.of(FLASH, padded), read("firmware.bin"));
  }
}
