#!/usr/bin/env bash
# Rebuilds the malformed ELF cases from the good fixture ../formats/firmware.elf (program headers
# at byte 52, 32 bytes each; segments: 0 at 0x08000000+0x48, 1 .data loaded at 0x08000048+0x14
# from file offset 0x200, 2 at 0x08000800+0x10 from offset 0x300) with Debian's
# binutils-arm-none-eabi and coreutils. Expected messages are in EXPECTED.txt.
set -euo pipefail
cd "$(dirname "$0")"
good=../formats/firmware.elf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# patch FILE OFFSET HEXBYTES: overwrite bytes in place (little-endian values written byte by byte)
patch() {
  printf "$(echo "$3" | sed 's/../\\x&/g')" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

head -c 4 "$good" > elf-magic-only.elf
head -c 40 "$good" > elf-truncated-header.elf
head -c 100 "$good" > elf-truncated-program-headers.elf
head -c 520 "$good" > elf-truncated-segment-data.elf
head -c 64 /usr/bin/true > elf64-x86-64-header.elf

cp "$good" elf-wrong-machine-x86-64.elf && patch elf-wrong-machine-x86-64.elf 18 3E00
cp "$good" elf-unknown-machine.elf && patch elf-unknown-machine.elf 18 3412
cp "$good" elf-overlapping-segments.elf && patch elf-overlapping-segments.elf $((52 + 2 * 32 + 12)) 40000008
cp "$good" elf-segment-past-4g.elf && patch elf-segment-past-4g.elf $((52 + 2 * 32 + 12)) F8FFFFFF

printf '.text\n.global reset\nreset: b reset\n' > "$tmp/be.s"
arm-none-eabi-as -EB -o "$tmp/be.o" "$tmp/be.s"
arm-none-eabi-ld -EB -z max-page-size=0x100 -Ttext=0x08000000 -e reset -o "$tmp/be.elf" "$tmp/be.o"
arm-none-eabi-strip "$tmp/be.elf" -o elf-big-endian.elf

# An object file: ELF32 ARM, but no program headers at all.
arm-none-eabi-as -o "$tmp/firmware.o" ../formats/firmware.s
arm-none-eabi-strip --strip-debug "$tmp/firmware.o" -o elf-object-file-no-segments.elf
