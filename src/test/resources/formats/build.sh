#!/usr/bin/env bash
# Rebuilds the format fixtures with Debian's binutils-arm-none-eabi (apt-get install
# binutils-arm-none-eabi). The binary starts at 0x08000000 and fills the gap before the
# configuration block with 0xFF; read it with base 0x08000000.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
arm-none-eabi-as -o "$tmp/firmware.o" firmware.s
arm-none-eabi-ld -z max-page-size=0x100 -T firmware.ld -e reset -o firmware.elf "$tmp/firmware.o"
arm-none-eabi-strip --strip-debug firmware.elf
arm-none-eabi-objcopy -O ihex firmware.elf firmware.hex
arm-none-eabi-objcopy -O srec firmware.elf firmware.srec
arm-none-eabi-objcopy -O binary --gap-fill 0xFF firmware.elf firmware.bin
