package org.romflash.image;

import java.util.ArrayList;
import java.util.List;
import net.fornwall.jelf.ElfException;
import net.fornwall.jelf.ElfFile;
import net.fornwall.jelf.ElfSegment;

/**
 * Reads an ELF32 little-endian ARM executable, as linkers produce it, into the image a flasher
 * writes: the file bytes of each loadable segment (PT_LOAD with a non-zero p_filesz) at its
 * physical (load) address p_paddr. So {@code .data} initialisers land in flash where the startup
 * code copies them from, not at their RAM address; the zero-filled tail up to p_memsz (.bss) is
 * not part of the image. The entry point becomes the start address (0 means none). Parsing is
 * jelf's; the checks before it make every refusal name the file and the fault.
 */
final class ElfImage {
  private static final int HEADER_SIZE = 52;
  private static final int ARM = 40;

  private ElfImage() {}

  static FirmwareImage parse(String name, byte[] content) {
    checkIdentity(name, content);
    try {
      ElfFile elf = ElfFile.from(content);
      int machine = elf.e_machine & 0xFFFF;
      if (machine != ARM) {
        throw fault(name, "machine is " + machineName(machine) + ", expected ARM (40)");
      }
      return image(name, elf, content.length);
    } catch (ElfException e) {
      throw fault(name, "unreadable ELF: " + e.getMessage());
    }
  }

  private static void checkIdentity(String name, byte[] content) {
    if (content.length < 4 || content[0] != 0x7F || content[1] != 'E' || content[2] != 'L'
        || content[3] != 'F') {
      throw fault(name, "not an ELF file (it does not start with 7F 'E' 'L' 'F')");
    }
    if (content.length < HEADER_SIZE) {
      throw fault(name, "truncated: the ELF header needs " + HEADER_SIZE + " bytes, the file has "
          + content.length);
    }
    if (content[4] != 1) {
      throw fault(name, (content[4] == 2 ? "ELF64" : "ELF class " + content[4])
          + ", expected ELF32 (class 1) for a 32-bit ARM microcontroller");
    }
    if (content[5] != 1) {
      throw fault(name, (content[5] == 2 ? "big-endian ELF" : "ELF data encoding " + content[5])
          + ", expected little-endian (data 1)");
    }
  }

  private static FirmwareImage image(String name, ElfFile elf, long fileSize) {
    int count = elf.e_phnum & 0xFFFF;
    long tableEnd = elf.e_phoff + (long) count * (elf.e_phentsize & 0xFFFF);
    if (tableEnd > fileSize) {
      throw fault(name, "truncated: the " + count + " program headers end at byte " + tableEnd
          + ", the file has " + fileSize);
    }
    List<Loaded> loaded = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      ElfSegment header = elf.getProgramHeader(index);
      if (header.p_type == ElfSegment.PT_LOAD && header.p_filesz > 0) {
        loaded.add(load(name, index, header, fileSize));
      }
    }
    if (loaded.isEmpty()) {
      throw fault(name, "no loadable segment (PT_LOAD with file data): nothing to flash");
    }
    FirmwareImage.Builder image = FirmwareImage.builder();
    for (Loaded segment : loaded) {
      for (Loaded other : loaded) {
        if (other.index() > segment.index() && segment.overlaps(other)) {
          throw fault(name, String.format("program headers %d (0x%08X-0x%08X) and %d (0x%08X-0x%08X)"
              + " load to the same addresses", segment.index(), segment.address(),
              segment.end() - 1, other.index(), other.address(), other.end() - 1));
        }
      }
      image.add(segment.address(), segment.data());
    }
    if (elf.e_entry != 0) {
      image.startAddress(elf.e_entry & 0xFFFF_FFFFL);
    }
    return image.build();
  }

  private static Loaded load(String name, int index, ElfSegment header, long fileSize) {
    long address = header.p_paddr & 0xFFFF_FFFFL;
    if (header.p_offset + header.p_filesz > fileSize) {
      throw fault(name, String.format("truncated: program header %d's %d bytes at file offset %d"
          + " run past the end of the file (%d bytes)", index, header.p_filesz, header.p_offset,
          fileSize));
    }
    if (address + header.p_filesz > 0x1_0000_0000L) {
      throw fault(name, String.format("program header %d loads %d bytes at 0x%08X, past the 4 GiB"
          + " address limit", index, header.p_filesz, address));
    }
    return new Loaded(index, address, header.getData());
  }

  /** A loadable segment's file bytes at its load address, with its program header index. */
  private record Loaded(int index, long address, byte[] data) {
    long end() {
      return address + data.length;
    }

    boolean overlaps(Loaded other) {
      return address < other.end() && other.address < end();
    }
  }

  private static String machineName(int machine) {
    String known = switch (machine) {
      case 0 -> "none";
      case 3 -> "i386";
      case 8 -> "MIPS";
      case 20 -> "PowerPC";
      case 62 -> "x86-64";
      case 83 -> "AVR";
      case 94 -> "Xtensa";
      case 105 -> "MSP430";
      case 183 -> "AArch64";
      case 243 -> "RISC-V";
      default -> "";
    };
    return known.isEmpty() ? String.valueOf(machine) : known + " (" + machine + ")";
  }

  private static ImageFormatException fault(String name, String fault) {
    return new ImageFormatException(name, 0, fault);
  }
}
