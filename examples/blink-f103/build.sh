#!/usr/bin/env bash
# Rebuilds blink-f103.hex with Debian's binutils-arm-none-eabi (apt-get install binutils-arm-none-eabi).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
arm-none-eabi-as -o "$tmp/blink.o" blink.s
arm-none-eabi-ld -T blink.ld -e reset -o "$tmp/blink.elf" "$tmp/blink.o"
arm-none-eabi-objcopy -O ihex "$tmp/blink.elf" blink-f103.hex
